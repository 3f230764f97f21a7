// CSV, TSV, Anki, Quizlet, GIFT and Aiken (issues #5, #6).
