"""data_pipeline_per_element: ``data_pipeline`` with
``Options.experimental_optimization.apply_default_optimizations = False`` on both
sides, so torchkeras calls ``f`` once per element on its thread pool (no
``vmap``) and TF skips its default graph rewrites."""

from . import data_pipeline

DESCRIPTION = data_pipeline.DESCRIPTION + ", default optimizations off"
UNIT = "ms"
TARGET = None
REPEATS = data_pipeline.REPEATS
THREADS = None
torch_version = data_pipeline.torch_version


def tf_version(tf, smoke):
    return data_pipeline.tf_version(tf, smoke, default_optimizations=False)
