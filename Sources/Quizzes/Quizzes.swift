// Quiz generation, grading and sheets (issue #5).
