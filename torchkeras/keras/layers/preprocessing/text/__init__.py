"""Keras' lookup and text preprocessing layers: ``Hashing``, ``StringLookup``,
``IntegerLookup`` and ``TextVectorization``."""

from .hashing import Hashing
from .integer_lookup import IntegerLookup
from .string_lookup import StringLookup
from .text_vectorization import TextVectorization

__all__ = ["Hashing", "IntegerLookup", "StringLookup", "TextVectorization"]
