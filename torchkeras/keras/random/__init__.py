"""``keras.random``: seeded samplers and ``SeedGenerator`` (same distributions as Keras;
the random streams are torch's, not bit-identical to TF's)."""

from ...api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "keras.random", ".random", ".seed_generator")
