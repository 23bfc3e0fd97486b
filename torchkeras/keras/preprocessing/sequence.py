"""``keras.preprocessing.sequence``: ``pad_sequences`` (the same function as ``keras.utils``')."""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "keras.preprocessing.sequence", "..utils.sequence_utils")
