"""``tf.random``: random tensors and seeding (see ``ops/random_ops.py`` for TF's seed rules)."""
from .ops.random_ops import (  # noqa: F401
    categorical, normal, set_seed, shuffle, stateless_normal, stateless_uniform,
    truncated_normal, uniform,
)
