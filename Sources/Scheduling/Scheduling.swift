// FSRS-6 and the study queue (issue #3).
