"""``tf.nest``: flatten, map and rebuild nested structures of lists, tuples and dicts."""
from .ops.nest import assert_same_structure, flatten, is_nested, map_structure, pack_sequence_as  # noqa: F401
