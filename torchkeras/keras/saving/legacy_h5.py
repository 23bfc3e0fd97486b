"""Reading legacy Keras 2 / TF 2.x full-model and weights ``.h5`` files (read-only, as Keras 3 does).

The model comes from the ``model_config`` attribute (legacy configs have no
``module`` keys and may list inbound nodes as ``[name, node, tensor, kwargs]``
lists); weights are matched layer by layer, in order, from
``model_weights`` (or the root group of a weights-only file); the
optimizer state from ``optimizer_weights`` when the model is compiled.
"""
import json
import warnings

import numpy as np

from . import h5_store, model_config, serialization_lib

__all__ = ["load_model", "load_weights"]


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _open(filepath):
    h5py = h5_store.require_h5py()
    try:
        return h5py.File(filepath, "r")
    except OSError as error:
        raise ValueError("Unable to read '%s': the file is truncated, corrupt or not an HDF5 file (%s)."
                         % (filepath, error)) from error


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
        raise ValueError("Unable to load weights from '%s': layer count mismatch. The model expected %d layers with "
                         "weights, but the file has %d saved layers." % (filepath, len(layers), len(saved)))
    plan = []
    for layer, (saved_name, arrays) in zip(layers, saved):
        variables = _legacy_weights(layer)
        shapes_match = len(arrays) == len(variables) and all(
            tuple(v.shape) == tuple(a.shape) for v, a in zip(variables, arrays))
        if not shapes_match:
            if skip_mismatch:
                warnings.warn("Skipping loading weights for layer '%s' from '%s': mismatch." % (layer.name, filepath), stacklevel=3)
                continue
            raise ValueError("Unable to load weights from '%s': layer '%s' expects weights of shapes %s, but saved "
                             "layer '%s' has %s." % (filepath, layer.name, [tuple(v.shape) for v in variables],
                                                    saved_name, [tuple(a.shape) for a in arrays]))
        plan.extend(zip(variables, arrays))
    return plan


def _weights_group(h5):
    if "layer_names" not in h5.attrs and "model_weights" in h5:
        return h5["model_weights"]
    return h5


def load_weights(model, filepath, skip_mismatch=False):
    """Loads a legacy ``.h5`` file's weights into ``model`` by layer order; nothing is assigned on a mismatch."""
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
        raise ValueError("Unable to load '%s': its `%s` attribute is not valid JSON (%s)." % (filepath, name, error)) from error


# Keras 2 layer arguments Keras 3 dropped; a legacy file's config holds them at values Keras 3 always uses.
_KERAS2_ONLY_ARGUMENTS = ("time_major", "implementation", "input_length")


def _keras3_layer_config(layer):
    """``layer`` (a Keras 2 layer config, nested layers included) in the form Keras 3 reads, as Keras 3's
    legacy loader converts it: one-element ``axis`` lists as ints, Keras 2-only arguments dropped."""
    if not isinstance(layer, dict) or not isinstance(layer.get("config"), dict):
        return layer
    config = dict(layer["config"])
    if isinstance(config.get("axis"), list) and len(config["axis"]) == 1:
        config["axis"] = int(config["axis"][0])
    if config.get("time_major") is True:
        raise ValueError("Unable to load layer '%s': `time_major=True` has no Keras 3 equivalent." % config.get("name"))
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
    """A Keras 2 optimizer config as Keras 3 reads it: ``Custom>Adam`` (Keras 2.11+'s registered name) as
    ``Adam``, and the Keras 2-only arguments dropped."""
    if not isinstance(optimizer, dict) or not isinstance(optimizer.get("config"), dict):
        return optimizer
    class_name = optimizer["class_name"]
    if class_name.startswith("Custom>"):
        class_name = class_name[len("Custom>"):]
    config = {key: value for key, value in optimizer["config"].items() if key not in _KERAS2_OPTIMIZER_ONLY}
    return {"class_name": class_name, "config": config}


def _keras3_metrics(metrics):
    """Keras 2 metric configs with their ``fn`` names (``"mean_absolute_error"``) in Keras 3's function form."""
    if isinstance(metrics, list):
        return [_keras3_metrics(item) for item in metrics]
    if isinstance(metrics, dict) and isinstance(metrics.get("config"), dict) and isinstance(metrics["config"].get("fn"), str):
        fn = {"module": "builtins", "class_name": "function", "config": metrics["config"]["fn"],
              "registered_name": "function"}
        return dict(metrics, config=dict(metrics["config"], fn=fn))
    if isinstance(metrics, dict) and "class_name" not in metrics:
        return {key: _keras3_metrics(value) for key, value in metrics.items()}
    return metrics


def _per_output(metrics, model):
    """Keras 2 lists metrics per output (``[[m1, m2]]`` for one output); a single-output model takes the inner list."""
    metrics = _keras3_metrics(metrics)
    if isinstance(metrics, list) and len(metrics) == 1 and isinstance(metrics[0], list) and len(model.outputs) == 1:
        return metrics[0]
    return metrics


def _training_compile_config(training_config, model):
    return {"optimizer": _keras3_optimizer_config(training_config.get("optimizer_config")),
            "loss": training_config.get("loss"),
            "loss_weights": training_config.get("loss_weights"),
            "metrics": _per_output(training_config.get("metrics"), model),
            "weighted_metrics": _per_output(training_config.get("weighted_metrics"), model),
            "run_eagerly": training_config.get("run_eagerly", False),
            "steps_per_execution": training_config.get("steps_per_execution", 1)}


def _optimizer_values(group):
    return [(_text(name), np.asarray(group[_text(name)][()])) for name in group.attrs.get("weight_names", [])]


def _restore_optimizer(optimizer, saved):
    """Assigns the saved optimizer state: Keras 3's own list, or Keras 2's (``iteration`` then the slots, with
    no ``learning_rate`` variable); warns and keeps a fresh optimizer when neither fits, as Keras does."""
    variables = list(optimizer.variables)
    values = [value for _, value in saved]
    if saved and len(saved) == len(variables) - 1 and saved[0][0].split("/")[-1].startswith("iteration"):
        targets = [variables[0]] + variables[2:]
    else:
        targets = variables
    if len(targets) == len(values) and all(tuple(t.shape) == tuple(v.shape) for t, v in zip(targets, values)):
        for target, value in zip(targets, values):
            target.assign(value)
        return
    warnings.warn("Error in loading the saved optimizer state. As a result, your model is starting with a freshly "
                  "initialized optimizer.", stacklevel=3)


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """A model from a legacy full-model ``.h5`` file: config, weights, and (``compile=True``) the compiled state."""
    with _open(filepath) as h5:
        config = _json_attr(h5, "model_config", filepath)
        if config is None:
            raise ValueError("Unable to load '%s': no model found in config file (a weights-only file? use "
                             "`model.load_weights`)." % filepath)
        with serialization_lib.SafeModeScope(safe_mode):
            model = serialization_lib.deserialize_keras_object(_keras3_layer_config(config), custom_objects=custom_objects,
                                                               safe_mode=safe_mode)
        plan = _weights_plan(model, _weights_group(h5), filepath, skip_mismatch=False)
        training_config = _json_attr(h5, "training_config", filepath) if compile else None
        optimizer_values = None
        if training_config and "optimizer_weights" in h5:
            optimizer_values = _optimizer_values(h5["optimizer_weights"])
    for variable, array in plan:
        variable.assign(array)
    if training_config:
        model_config.compile_from_config(model, _training_compile_config(training_config, model), custom_objects)
        if optimizer_values is not None:
            _restore_optimizer(model.optimizer, optimizer_values)
    return model
