"""Every built-in layer, optimizer, loss, metric, initializer, regularizer and constraint, built the
same way in
torchkeras and (for the differential test) in real Keras: names enumerated from torchkeras'
namespaces, so
objects added later are swept automatically."""

import inspect

# Values for constructor arguments that have no default, by argument name (a callable gets the keras
# namespace;
# nested objects are named, as the two frameworks' auto-name counters need not agree).
REQUIRED = {
    "units": 2,
    "filters": 2,
    "kernel_size": 2,
    "input_dim": 3,
    "output_dim": 2,
    "target_shape": (2,),
    "dims": (1,),
    "n": 2,
    "rate": 0.5,
    "stddev": 0.1,
    "activation": "relu",
    "num_heads": 2,
    "key_dim": 2,
    "height": 2,
    "width": 2,
    "factor": 0.1,
    "num_classes": 3,
    "recall": 0.5,
    "precision": 0.5,
    "specificity": 0.5,
    "sensitivity": 0.5,
    "pool_size": 2,
    "output_size": 2,
    "axes": -1,
    "equation": "ab,bc->ac",
    "output_shape": 2,
    "height_factor": 0.1,
    "width_factor": 0.1,
    "scale": 0.5,
    "l1": 0.01,
    "l2": 0.01,
    "max_tokens": 10,
    "num_bins": 4,
    "bin_boundaries": [0.0, 1.0],
    "max_value": 3,
    "cell": lambda k: k.layers.LSTMCell(2, name="inner"),
    "cells": lambda k: [k.layers.LSTMCell(2, name="inner"), k.layers.GRUCell(2, name="inner_1")],
    "layer": lambda k: k.layers.Dense(2, name="inner"),
    "inner_optimizer": lambda k: k.optimizers.SGD(name="inner"),
    "fn": lambda k: k.losses.mean_squared_error,
}

# Arguments some classes need although their signature gives a default (they require one of
# several).
EXTRA = {
    ("layers", "InputLayer"): {"shape": (2,)},
    ("layers", "Discretization"): {"num_bins": 4},
    ("layers", "CategoryEncoding"): {"num_tokens": 3},
    ("layers", "Bidirectional"): {"layer": lambda k: k.layers.LSTM(2, name="inner")},
}

# Built-ins the sweep leaves out, each with its reason.
SKIP = {
    "layers": {
        "Layer": "abstract base class",
        "InputSpec": "not a layer: an input contract with no config",
        "Lambda": "wraps Python code (its config is Python bytecode; covered by the Lambda saving "
        "tests)",
        "TorchModuleWrapper": (
            "wraps a torch module given as data (Keras' torch backend stores it pickled)"
        ),
    },
    "optimizers": {"Optimizer": "abstract base class"},
    "losses": {
        "Loss": "abstract base class",
        "LossFunctionWrapper": "generic wrapper of a user function",
    },
    "metrics": {
        "Metric": "abstract base class",
        "MeanMetricWrapper": "generic wrapper of a user function",
    },
    "initializers": {"Initializer": "abstract base class"},
    "regularizers": {"Regularizer": "abstract base class"},
    "constraints": {"Constraint": "abstract base class"},
}

KINDS = ("layers", "optimizers", "losses", "metrics", "initializers", "regularizers", "constraints")


def _base(keras, kind):
    bases = {
        "layers": keras.layers.Layer,
        "optimizers": keras.optimizers.Optimizer,
        "losses": keras.losses.Loss,
        "metrics": keras.metrics.Metric,
        "initializers": keras.initializers.Initializer,
        "regularizers": keras.regularizers.Regularizer,
        "constraints": keras.constraints.Constraint,
    }
    return bases[kind]


def names(keras, kind):
    """The public class names of ``keras.<kind>`` (every one, skipped ones included), each class
    listed once."""
    namespace = getattr(keras, kind)
    base, seen, out = _base(keras, kind), set(), []
    for name in namespace.__all__:
        value = getattr(namespace, name, None)
        if (
            inspect.isclass(value)
            and (issubclass(value, base) or name in SKIP[kind])
            and value not in seen
        ):
            seen.add(value)
            out.append(name)
    return out


def arguments(cls, kind):
    """``{argument: value or factory}`` for ``cls``'s arguments without defaults (``KeyError``
    names a missing one)."""
    out = {}
    for name, parameter in inspect.signature(cls.__init__).parameters.items():
        if name == "self" or parameter.kind in (parameter.VAR_KEYWORD, parameter.VAR_POSITIONAL):
            continue
        if parameter.default is parameter.empty:
            if name not in REQUIRED:
                raise KeyError(
                    "%s.%s needs a value for its argument %r in REQUIRED"
                    % (kind, cls.__name__, name)
                )
            out[name] = REQUIRED[name]
    if "seed" in inspect.signature(cls.__init__).parameters:
        out["seed"] = 1337
    out.update(EXTRA.get((kind, cls.__name__), {}))
    if kind in ("layers", "metrics", "losses", "optimizers"):
        out["name"] = "probe"
    return out


def build(keras, kind, name, args):
    """``keras.<kind>.<name>(**args)``, factories called with ``keras``."""
    values = {key: (value(keras) if callable(value) else value) for key, value in args.items()}
    return getattr(getattr(keras, kind), name)(**values)


def cases(keras):
    """``[(kind, name)]`` of every object swept (the skipped ones left out)."""
    return [(kind, name) for kind in KINDS for name in names(keras, kind) if name not in SKIP[kind]]
