"""Writers that turn a parsed Law into other formats (Akoma Ntoso XML in `akn`)."""
