"""``tf.data.Options`` and its option groups, as TF defines them.

Every option is a type-checked property (TF's ``TypeError`` for a wrong type,
``AttributeError`` for an unknown name); ``Dataset.with_options`` attaches them
and ``Dataset.options()`` merges those of the whole pipeline (later settings
win).  torchkeras acts on ``deterministic`` (the output order of parallel
``map``), on ``experimental_optimization.inject_prefetch`` /
``apply_default_optimizations`` and ``autotune.enabled`` (whether iterating reads
one element ahead, as TF's injected prefetch: ``Dataset._reads_ahead``), and
``apply_default_optimizations`` also stops ``map`` vectorizing; it accepts the
others without effect: its pipelines are not otherwise rewritten or autotuned.
"""

from __future__ import annotations

import enum
import logging

from ..api_export import tf_export

_LOG = logging.getLogger("torchkeras.data")


def _option(name, kind, doc, default=lambda: None):
    def get(self):
        if name not in self._options:
            self._options[name] = default()
        return self._options[name]

    def set_(self, value):
        if not isinstance(value, kind):
            raise TypeError(
                'Property "%s" must be of type %s, got: %s (type: %s)'
                % (name, kind, value, type(value))
            )
        self._options[name] = value

    return property(get, set_, None, doc)


class OptionsBase:
    """TF's ``OptionsBase``: a set of typed options, compared by value."""

    def __init__(self):
        object.__setattr__(self, "_options", {})
        object.__setattr__(self, "_mutable", True)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name)
            for name in set(self._options) | set(other._options)
        )

    def __ne__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return not self.__eq__(other)

    __hash__ = None

    def __setattr__(self, name, value):
        if not self._mutable:
            raise ValueError(
                "Mutating `tf.data.Options()` returned by `tf.data.Dataset.options()` has no "
                "effect. Use `tf.data.Dataset.with_options(options)` to set or update dataset "
                "options."
            )
        if hasattr(self, name):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError("Cannot set the property %s on %s." % (name, type(self).__name__))

    def _set_mutable(self, mutable):
        object.__setattr__(self, "_mutable", mutable)


def merge_options(*options_list):
    """Merges options objects of one type; a value set later wins (TF's ``merge_options``)."""
    result_type = type(options_list[0])
    for options in options_list:
        if not isinstance(options, result_type):
            raise TypeError(
                "Could not merge incompatible options of type %s and %s."
                % (type(options), result_type)
            )
    default, result = result_type(), result_type()
    for options in options_list:
        for name in options._options:
            this, that = getattr(result, name), getattr(options, name)
            if that == getattr(default, name):
                continue
            if this == getattr(default, name):
                setattr(result, name, that)
            elif isinstance(this, OptionsBase):
                setattr(result, name, merge_options(this, that))
            elif name == "framework_type":
                setattr(result, name, this + that)
            elif this != that:
                _LOG.warning("Changing the value of option %s from %r to %r.", name, this, that)
                setattr(result, name, that)
    return result


@tf_export("data.experimental.AutotuneAlgorithm")
class AutotuneAlgorithm(enum.Enum):
    """The algorithm tf.data's autotuner uses (accepted; torchkeras does not autotune)."""

    DEFAULT = 0
    HILL_CLIMB = 1
    GRADIENT_DESCENT = 2
    MAX_PARALLELISM = 3
    STAGE_BASED = 4


@tf_export("data.experimental.AutoShardPolicy")
class AutoShardPolicy(enum.IntEnum):
    """How a distributed dataset is sharded (accepted without effect)."""

    OFF = -1
    AUTO = 0
    FILE = 1
    DATA = 2
    HINT = 3


@tf_export("data.experimental.ExternalStatePolicy")
class ExternalStatePolicy(enum.Enum):
    """What to do with external state when a dataset is serialized (accepted)."""

    WARN = 0
    IGNORE = 1
    FAIL = 2


@tf_export("data.experimental.AutotuneOptions")
class AutotuneOptions(OptionsBase):
    """``options.autotune``: autotuning switches and budgets (``enabled=False`` turns off the
    read-ahead TF injects; the others are accepted without effect)."""

    enabled = _option("enabled", bool, "Whether to autotune (default True).")
    cpu_budget = _option("cpu_budget", int, "CPU budget for autotuning.")
    ram_budget = _option("ram_budget", int, "RAM budget for autotuning, in bytes.")
    autotune_algorithm = _option(
        "autotune_algorithm", AutotuneAlgorithm, "The autotuning algorithm."
    )
    initial_parallelism = _option("initial_parallelism", int, "Initial parallelism.")
    min_parallelism = _option("min_parallelism", int, "Minimum parallelism.")


@tf_export("data.experimental.DistributeOptions")
class DistributeOptions(OptionsBase):
    """``options.experimental_distribute``: sharding of distributed input (accepted)."""

    auto_shard_policy = _option(
        "auto_shard_policy", AutoShardPolicy, "How to shard.", lambda: AutoShardPolicy.AUTO
    )
    num_devices = _option("num_devices", int, "The number of devices attached to the input.")


@tf_export("data.experimental.OptimizationOptions")
class OptimizationOptions(OptionsBase):
    """``options.experimental_optimization``: graph rewrites (``inject_prefetch`` and
    ``apply_default_optimizations`` are followed, see ``Dataset._reads_ahead``; the others are
    accepted and not applied)."""

    apply_default_optimizations = _option("apply_default_optimizations", bool, "Rewrites.")
    filter_fusion = _option("filter_fusion", bool, "Fuse filters.")
    filter_parallelization = _option("filter_parallelization", bool, "Parallel filters.")
    inject_prefetch = _option("inject_prefetch", bool, "Inject a final prefetch.")
    seq_interleave_prefetch = _option("seq_interleave_prefetch", bool, "Prefetch interleaves.")
    map_and_batch_fusion = _option("map_and_batch_fusion", bool, "Fuse map and batch.")
    map_and_filter_fusion = _option("map_and_filter_fusion", bool, "Fuse map and filter.")
    map_fusion = _option("map_fusion", bool, "Fuse maps.")
    map_parallelization = _option("map_parallelization", bool, "Parallelize maps.")
    noop_elimination = _option("noop_elimination", bool, "Remove no-ops.")
    parallel_batch = _option("parallel_batch", bool, "Batch in parallel.")
    shuffle_and_repeat_fusion = _option("shuffle_and_repeat_fusion", bool, "Fuse shuffles.")


@tf_export("data.experimental.ThreadingOptions", "data.ThreadingOptions")
class ThreadingOptions(OptionsBase):
    """``options.threading``: thread-pool sizes (accepted; torchkeras sizes its pools from
    ``num_parallel_calls``)."""

    max_intra_op_parallelism = _option("max_intra_op_parallelism", int, "Intra-op threads.")
    private_threadpool_size = _option("private_threadpool_size", int, "Private pool size.")


@tf_export("data.Options")
class Options(OptionsBase):
    """``tf.data.Options``: options of a pipeline, set with ``Dataset.with_options``.

    Of these only ``deterministic`` changes what torchkeras does (``False`` lets parallel
    ``map`` emit elements as they are ready); the rest are accepted and stored.
    """

    autotune = _option("autotune", AutotuneOptions, "Autotuning.", AutotuneOptions)
    deterministic = _option("deterministic", bool, "Produce outputs in a deterministic order.")
    experimental_deterministic = _option(
        "experimental_deterministic", bool, "DEPRECATED. Use `deterministic` instead."
    )
    experimental_distribute = _option(
        "experimental_distribute", DistributeOptions, "Distribution.", DistributeOptions
    )
    experimental_external_state_policy = _option(
        "experimental_external_state_policy", ExternalStatePolicy, "External state policy."
    )
    experimental_optimization = _option(
        "experimental_optimization", OptimizationOptions, "Rewrites.", OptimizationOptions
    )
    experimental_slack = _option("experimental_slack", bool, "Slack.")
    experimental_symbolic_checkpoint = _option(
        "experimental_symbolic_checkpoint", bool, "Symbolic checkpoints."
    )
    experimental_threading = _option(
        "experimental_threading", ThreadingOptions, "DEPRECATED. Use `threading` instead."
    )
    experimental_warm_start = _option("experimental_warm_start", bool, "Warm start.")
    dataset_name = _option("dataset_name", str, "A name for the dataset.")
    framework_type = _option("framework_type", list, "Frameworks using the dataset.")
    threading = _option("threading", ThreadingOptions, "Threading.", ThreadingOptions)

    def merge(self, options):
        """These options merged with ``options`` (``options``' settings win)."""
        return merge_options(self, options)
