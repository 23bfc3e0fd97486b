"""``tf.random``: random tensors and seeding (see ``ops/random_ops.py`` for TF's seed rules)."""
from .ops.random_ops import (  # noqa: F401
    Generator, categorical, create_rng_state, get_global_generator, normal, set_global_generator,
    set_seed, shuffle,
    stateless_normal, stateless_truncated_normal, stateless_uniform, truncated_normal, uniform,
)
