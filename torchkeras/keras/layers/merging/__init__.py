"""Merge layers and their functional forms (``add``, ``concatenate`` ...)."""
