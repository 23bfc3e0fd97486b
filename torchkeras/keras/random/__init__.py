"""``keras.random``: seeded samplers and ``SeedGenerator`` (same distributions as Keras;
the random streams are torch's, not bit-identical to TF's)."""
from .random import *  # noqa: F401,F403
from .random import __all__ as _samplers
from .seed_generator import SeedGenerator

__all__ = list(_samplers) + ["SeedGenerator"]
