// A pure-Swift tree of an HTML page, parsed by libxml2 (issue #2).
