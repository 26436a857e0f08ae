"""lawgap: gap analysis of national law against the UN trafficking and smuggling instruments."""

__version__ = "0.1.0"
