"""Structure grammars: blocks in, provision tree out, one grammar per drafting tradition."""
