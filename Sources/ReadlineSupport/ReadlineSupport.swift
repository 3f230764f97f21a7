// The readline-backed LineReader (issue #4).
