"""Helpers the tests share: local sites, builders, real-data loaders. Not tests themselves."""
