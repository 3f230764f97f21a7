// Article readers and the rules that make cards (issue #2).
