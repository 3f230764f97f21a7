// stdio.h first: readline's headers use FILE without including it.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
