"""Legacy Keras 2 / TF 2.x full-model and weights ``.h5`` files: reading them, and writing the
full-model form as Keras 3 still does (``model.save("x.h5")``, with Keras' deprecation warning).

The model comes from the ``model_config`` attribute (legacy configs have no
``module`` keys and may list inbound nodes as ``[name, node, tensor, kwargs]``
lists); weights are matched layer by layer, in order, from
``model_weights`` (or the root group of a weights-only file); the
optimizer state from ``optimizer_weights`` when the model is compiled.
"""

import json
import logging
import os
import sys
import warnings

import numpy as np

from . import h5_store, model_config, serialization_lib

__all__ = ["load_model", "load_weights", "save_model"]

_DEPRECATION = (
    "You are saving your model as an HDF5 file via `model.save()` or "
    "`keras.saving.save_model(model)`. This file format is considered legacy. "
    "We recommend using instead the native Keras format, e.g. "
    "`model.save('my_model.keras')` or "
    "`keras.saving.save_model(model, 'my_model.keras')`. "
)
_HEADER_LIMIT = 64512  # HDF5's object header size: longer attributes are split in chunks


def warn_legacy_save():
    """Keras' deprecation warning for ``.h5`` saves (``WARNING:absl:...`` on stderr, as absl prints
    it before logging is configured; through the ``absl`` logger when it has handlers)."""
    logger = logging.getLogger("absl")
    if logger.hasHandlers():
        logger.warning(_DEPRECATION)
    else:
        sys.stderr.write("WARNING:absl:%s\n" % _DEPRECATION)


def _save_attributes(group, name, data):
    """Keras' ``save_attributes_to_hdf5_group``: ``data`` as one attribute, or chunks of it."""
    array = np.asarray(data)
    chunks = 1
    parts = np.array_split(array, chunks)
    while any(part.nbytes > _HEADER_LIMIT for part in parts):
        chunks += 1
        parts = np.array_split(array, chunks)
    if chunks > 1:
        for index, part in enumerate(parts):
            group.attrs["%s%d" % (name, index)] = part
    else:
        group.attrs[name] = array


def _save_values(group, variables):
    names = [str(v.path).encode("utf8") for v in variables]
    _save_attributes(group, "weight_names", names)
    for name, variable in zip(names, variables):
        value = np.asarray(variable.numpy())
        dataset = group.create_dataset(name, value.shape, dtype=value.dtype)
        dataset[()] = value


def _legacy_layer_configs(config):
    """A model config with its layers in Keras' legacy form (``class_name`` and ``config`` only)."""
    if isinstance(config.get("layers"), list):
        config = dict(
            config,
            layers=[
                {
                    key: layer[key]
                    for key in ("class_name", "config", "name", "inbound_nodes")
                    if key in layer
                }
                for layer in config["layers"]
            ],
        )
    return config


def _legacy_serialized(value):
    """Keras' legacy serialization of compile arguments: functions by name, objects as
    ``{"class_name", "config"}``."""
    if isinstance(value, list):
        return [_legacy_serialized(item) for item in value]
    if isinstance(value, dict) and "class_name" in value and "module" in value:
        if value["class_name"] in ("function", "builtin_function_or_method"):
            return value["config"]
        return {"class_name": value["class_name"], "config": value["config"]}
    if isinstance(value, dict):
        return {key: _legacy_serialized(item) for key, item in value.items()}
    return value


def _metadata(model, include_optimizer):
    from .. import __version__

    serialized = serialization_lib.serialize_keras_object(model)
    metadata = {
        "keras_version": __version__,
        "backend": "tensorflow",
        "model_config": {
            "class_name": type(model).__name__,
            "config": _legacy_layer_configs(serialized["config"]),
        },
    }
    if include_optimizer and getattr(model, "optimizer", None) is not None and model.compiled:
        training = model_config.compile_config(model)
        training.pop("optimizer")
        training = {key: _legacy_serialized(value) for key, value in training.items()}
        optimizer = model.optimizer
        config = serialization_lib._jsonable(optimizer.get_config())
        training["optimizer_config"] = {"class_name": type(optimizer).__name__, "config": config}
        metadata["training_config"] = training
    return metadata


def save_model(model, filepath, include_optimizer=True):
    """Keras 3's ``save_model_to_hdf5``: the legacy full-model ``.h5`` (config and training
    config as JSON attributes, ``model_weights`` per layer, ``optimizer_weights``)."""
    h5py = h5_store.require_h5py()
    metadata = _metadata(model, include_optimizer)
    directory = os.path.dirname(os.fspath(filepath))
    if directory:
        os.makedirs(directory, exist_ok=True)
    with h5py.File(filepath, mode="w") as h5:
        for key, value in metadata.items():
            is_json = isinstance(value, (dict, list))
            h5.attrs[key] = json.dumps(value).encode("utf8") if is_json else value
        weights = h5.create_group("model_weights")
        names = [layer.name.encode("utf8") for layer in model.layers]
        _save_attributes(weights, "layer_names", names)
        weights.attrs["backend"] = b"tensorflow"
        weights.attrs["keras_version"] = str(metadata["keras_version"]).encode("utf8")
        for layer in sorted(model.layers, key=lambda item: item.name):
            _save_values(weights.create_group(layer.name), _legacy_weights(layer))
        _save_values(weights.create_group("top_level_model_weights"), [])
        optimizer = getattr(model, "optimizer", None)
        if include_optimizer and optimizer is not None and list(optimizer.variables):
            _save_values(h5.create_group("optimizer_weights"), list(optimizer.variables))


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _open(filepath):
    h5py = h5_store.require_h5py()
    try:
        return h5py.File(filepath, "r")
    except OSError as error:
        raise ValueError(
            "Unable to read '%s': the file is truncated, corrupt or not an HDF5 file (%s)."
            % (filepath, error)
        ) from error


def _saved_layers(group):
    """``[(layer_name, [arrays])]`` of the saved layers that hold weights, in saved order."""
    out = []
    for name in group.attrs.get("layer_names", []):
        name = _text(name)
        layer_group = group[name]
        weight_names = [_text(w) for w in layer_group.attrs.get("weight_names", [])]
        if weight_names:
            out.append((name, [np.asarray(layer_group[w][()]) for w in weight_names]))
    return out


def _legacy_weights(layer):
    return list(layer.trainable_weights) + list(layer.non_trainable_weights)


def _weights_plan(model, group, filepath, skip_mismatch):
    layers = [layer for layer in model.layers if _legacy_weights(layer)]
    saved = _saved_layers(group)
    if len(saved) != len(layers):
        raise ValueError(
            "Unable to load weights from '%s': layer count mismatch. The model expected %d layers "
            "with "
            "weights, but the file has %d saved layers." % (filepath, len(layers), len(saved))
        )
    plan = []
    for layer, (saved_name, arrays) in zip(layers, saved):
        variables = _legacy_weights(layer)
        shapes_match = len(arrays) == len(variables) and all(
            tuple(v.shape) == tuple(a.shape) for v, a in zip(variables, arrays)
        )
        if not shapes_match:
            if skip_mismatch:
                warnings.warn(
                    "Skipping loading weights for layer '%s' from '%s': mismatch."
                    % (layer.name, filepath),
                    stacklevel=3,
                )
                continue
            raise ValueError(
                "Unable to load weights from '%s': layer '%s' expects weights of shapes %s, but "
                "saved "
                "layer '%s' has %s."
                % (
                    filepath,
                    layer.name,
                    [tuple(v.shape) for v in variables],
                    saved_name,
                    [tuple(a.shape) for a in arrays],
                )
            )
        plan.extend(zip(variables, arrays))
    return plan


def _weights_group(h5):
    if "layer_names" not in h5.attrs and "model_weights" in h5:
        return h5["model_weights"]
    return h5


def load_weights(model, filepath, skip_mismatch=False):
    """Loads a legacy ``.h5`` file's weights into ``model`` by layer order; nothing is assigned
    on a mismatch."""
    with _open(filepath) as h5:
        plan = _weights_plan(model, _weights_group(h5), filepath, skip_mismatch)
    for variable, array in plan:
        variable.assign(array)


def _json_attr(h5, name, filepath):
    raw = h5.attrs.get(name)
    if raw is None:
        return None
    try:
        return json.loads(_text(raw))
    except ValueError as error:
        raise ValueError(
            "Unable to load '%s': its `%s` attribute is not valid JSON (%s)."
            % (filepath, name, error)
        ) from error


# Keras 2 layer arguments Keras 3 dropped; a legacy file's config holds them at values Keras 3
# always uses.
_KERAS2_ONLY_ARGUMENTS = ("time_major", "implementation", "input_length")


def _keras3_layer_config(layer):
    """``layer`` (a Keras 2 layer config, nested layers included) in the form Keras 3 reads, as
    Keras 3's legacy loader converts it: one-element ``axis`` lists as ints, Keras 2-only arguments
    dropped."""
    if not isinstance(layer, dict) or not isinstance(layer.get("config"), dict):
        return layer
    config = dict(layer["config"])
    if isinstance(config.get("axis"), list) and len(config["axis"]) == 1:
        config["axis"] = int(config["axis"][0])
    if config.get("time_major") is True:
        raise ValueError(
            "Unable to load layer '%s': `time_major=True` has no Keras 3 equivalent."
            % config.get("name")
        )
    for key in _KERAS2_ONLY_ARGUMENTS:
        config.pop(key, None)
    if isinstance(config.get("layers"), list):
        config["layers"] = [_keras3_layer_config(item) for item in config["layers"]]
    for key in ("layer", "backward_layer", "cell"):
        if isinstance(config.get(key), dict):
            config[key] = _keras3_layer_config(config[key])
    return dict(layer, config=config)


# Keras 2 optimizer arguments with no Keras 3 counterpart.
_KERAS2_OPTIMIZER_ONLY = ("is_legacy_optimizer", "jit_compile")


def _keras3_optimizer_config(optimizer):
    """A Keras 2 optimizer config as Keras 3 reads it: ``Custom>Adam`` (Keras 2.11+'s registered
    name) as ``Adam``, and the Keras 2-only arguments dropped."""
    if not isinstance(optimizer, dict) or not isinstance(optimizer.get("config"), dict):
        return optimizer
    class_name = optimizer["class_name"]
    if class_name.startswith("Custom>"):
        class_name = class_name[len("Custom>") :]
    config = {
        key: value
        for key, value in optimizer["config"].items()
        if key not in _KERAS2_OPTIMIZER_ONLY
    }
    return {"class_name": class_name, "config": config}


def _keras3_metrics(metrics):
    """Keras 2 metric configs with their ``fn`` names (``"mean_absolute_error"``) in Keras 3's
    function form."""
    if isinstance(metrics, list):
        return [_keras3_metrics(item) for item in metrics]
    if (
        isinstance(metrics, dict)
        and isinstance(metrics.get("config"), dict)
        and isinstance(metrics["config"].get("fn"), str)
    ):
        fn = {
            "module": "builtins",
            "class_name": "function",
            "config": metrics["config"]["fn"],
            "registered_name": "function",
        }
        return dict(metrics, config=dict(metrics["config"], fn=fn))
    if isinstance(metrics, dict) and "class_name" not in metrics:
        return {key: _keras3_metrics(value) for key, value in metrics.items()}
    return metrics


def _per_output(metrics, model):
    """Keras 2 lists metrics per output (``[[m1, m2]]`` for one output); a single-output model
    takes the inner list."""
    metrics = _keras3_metrics(metrics)
    if (
        isinstance(metrics, list)
        and len(metrics) == 1
        and isinstance(metrics[0], list)
        and len(model.outputs) == 1
    ):
        return metrics[0]
    return metrics


def _named_objects(value, lookup, keep=()):
    """Keras' legacy reading of compile arguments: a function's full name becomes the function
    (``"mean_squared_error"``, as a loss function is saved); aliases such as ``"mse"`` (which
    Keras 3.15 fails to read back) and ``keep`` names stay strings."""
    if isinstance(value, list):
        return [_named_objects(item, lookup, keep) for item in value]
    if isinstance(value, dict) and "class_name" not in value:
        return {key: _named_objects(item, lookup, keep) for key, item in value.items()}
    if isinstance(value, str) and value not in keep:
        try:
            found = lookup(value)
        except ValueError:
            return value
        return found if getattr(found, "__name__", None) == value else value
    return value


_KEPT_METRIC_NAMES = ("accuracy", "acc", "crossentropy", "ce")


def _training_compile_config(training_config, model):
    from .. import losses, metrics

    loss = _named_objects(training_config.get("loss"), losses.get, ("crossentropy", "ce"))
    return {
        "optimizer": _keras3_optimizer_config(training_config.get("optimizer_config")),
        "loss": loss,
        "loss_weights": training_config.get("loss_weights"),
        "metrics": _named_objects(
            _per_output(training_config.get("metrics"), model), metrics.get, _KEPT_METRIC_NAMES
        ),
        "weighted_metrics": _named_objects(
            _per_output(training_config.get("weighted_metrics"), model),
            metrics.get,
            _KEPT_METRIC_NAMES,
        ),
        "run_eagerly": training_config.get("run_eagerly", False),
        "steps_per_execution": training_config.get("steps_per_execution", 1),
    }


def _optimizer_values(group):
    return [
        (_text(name), np.asarray(group[_text(name)][()]))
        for name in group.attrs.get("weight_names", [])
    ]


def _restore_optimizer(optimizer, saved):
    """Assigns the saved optimizer state: Keras 3's own list, or Keras 2's (``iteration`` then the
    slots, with no ``learning_rate`` variable); warns and keeps a fresh optimizer when neither fits,
    as Keras does."""
    variables = list(optimizer.variables)
    values = [value for _, value in saved]
    if (
        saved
        and len(saved) == len(variables) - 1
        and saved[0][0].split("/")[-1].startswith("iteration")
    ):
        targets = [variables[0]] + variables[2:]
    else:
        targets = variables
    if len(targets) == len(values) and all(
        tuple(t.shape) == tuple(v.shape) for t, v in zip(targets, values)
    ):
        for target, value in zip(targets, values):
            target.assign(value)
        return
    warnings.warn(
        "Error in loading the saved optimizer state. As a result, your model is starting with a "
        "freshly "
        "initialized optimizer.",
        stacklevel=3,
    )


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """A model from a legacy full-model ``.h5`` file: config, weights, and (``compile=True``) the
    compiled state."""
    with _open(filepath) as h5:
        config = _json_attr(h5, "model_config", filepath)
        if config is None:
            raise ValueError(
                "Unable to load '%s': no model found in config file (a weights-only file? use "
                "`model.load_weights`)." % filepath
            )
        with serialization_lib.SafeModeScope(safe_mode):
            model = serialization_lib.deserialize_keras_object(
                _keras3_layer_config(config), custom_objects=custom_objects, safe_mode=safe_mode
            )
        plan = _weights_plan(model, _weights_group(h5), filepath, skip_mismatch=False)
        training_config = _json_attr(h5, "training_config", filepath) if compile else None
        optimizer_values = None
        if training_config and "optimizer_weights" in h5:
            optimizer_values = _optimizer_values(h5["optimizer_weights"])
    for variable, array in plan:
        variable.assign(array)
    if training_config:
        model_config.compile_from_config(
            model, _training_compile_config(training_config, model), custom_objects
        )
        if optimizer_values is not None:
            _restore_optimizer(model.optimizer, optimizer_values)
    return model
