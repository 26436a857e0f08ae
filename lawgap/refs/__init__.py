"""The refs stage: cross-references between provisions, found in the text and resolved to eids.

Reads: Laws. Writes: `Reference`s (find, then resolve) and the graph of the loaded laws (graph);

`labels` says how a provision is cited to a reader.
"""
