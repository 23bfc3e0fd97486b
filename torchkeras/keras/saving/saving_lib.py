"""``save_model`` / ``load_model`` (Keras 3's ``.keras`` zip) and ``save_weights`` /
``load_weights`` (``.weights.h5``).

A ``.keras`` file is a zip of ``metadata.json``, ``config.json`` (the
model's serialized config) and ``model.weights.h5`` (Keras' weights layout,
see ``weights_layout``), readable by real Keras and written by it.  Every
write goes to a temporary file in the target's folder and is renamed over
the target only once complete, so an interrupted save leaves the previous
file intact.  Loading reads and checks the whole file before assigning any
variable: a truncated, corrupt or mismatched file raises ``ValueError``
naming the file and the problem, and leaves the model unchanged.
"""

import datetime
import io
import json
import os
import warnings
import zipfile

from . import assets, h5_store, serialization_lib, sharded_store, variable_store, weights_layout
from ...api_export import keras_export
from ...framework.file_io import atomic_write, check_parent_directory

__all__ = ["save_model", "load_model", "save_weights", "load_weights", "atomic_write"]

_CONFIG = "config.json"
_METADATA = "metadata.json"
_WEIGHTS = "model.weights.h5"


def _proceed(filepath, overwrite):
    if overwrite or not os.path.exists(filepath):
        return True
    answer = input("[WARNING] %s already exists - overwrite? [y/n]" % filepath).strip().lower()
    while answer not in ("y", "n"):
        answer = input('Enter "y" (overwrite) or "n" (cancel).').strip().lower()
    return answer == "y"


def _is_default(obj, method):
    """Whether ``obj`` uses the built-in ``save_own_variables`` / ``load_own_variables`` (not a
    user override)."""
    from ..layers.layer import Layer
    from ..optimizers.optimizer import Optimizer

    return getattr(type(obj), method, None) in (getattr(Layer, method), getattr(Optimizer, method))


def _weight_entries(model):
    """``[(path, name, {key: array})]`` for every saveable object, through its
    ``save_own_variables``."""
    entries = []
    for path, obj in weights_layout.saveables(model):
        name = obj.name if isinstance(getattr(obj, "name", None), str) else None
        store = variable_store.WriteStore()
        obj.save_own_variables(store)
        entries.append((path, name, store.values))
    return entries


def _h5_bytes(entries):
    buffer = io.BytesIO()
    h5_store.write_weights(buffer, entries)
    return buffer.getvalue()


# ----------------------------------------------------------------- weights
@keras_export("keras.saving.save_weights")
def save_weights(model, filepath, overwrite=True, max_shard_size=None):
    """Writes ``model``'s weights to ``filepath`` in Keras' layout.

    ``filepath`` ends in ``.weights.h5``; with ``max_shard_size`` (gigabytes)
    the weights are split into Keras' sharded files, described by
    ``filepath`` ending in ``.weights.json``.
    """
    filepath = os.fspath(filepath)
    if max_shard_size is None and not filepath.endswith(".weights.h5"):
        raise ValueError("The filename must end in `.weights.h5`. Received: filepath=%s" % filepath)
    if max_shard_size is not None and not filepath.endswith(("weights.h5", "weights.json")):
        raise ValueError(
            "The filename must end in `.weights.json` when `max_shard_size` is specified. "
            "Received: "
            "filepath=%s" % filepath
        )
    if not _proceed(filepath, overwrite):
        return
    entries = _weight_entries(model)
    if max_shard_size is not None:
        sharded_store.write_sharded(
            sharded_store.sharded_path(filepath, writing=True),
            entries,
            max_shard_size,
            atomic_write,
        )
        return
    atomic_write(
        filepath,
        lambda temporary: h5_store.write_weights(temporary, entries),
        create_directories=False,
    )


def _ordered(values):
    """The arrays of a default-saved object, ``values["0"]``, ``values["1"]``..., or ``None`` if
    keyed otherwise."""
    arrays = [values.get(str(index)) for index in range(len(values))]
    return None if any(array is None for array in arrays) else arrays


def _plan(model, stored, filename, skip_mismatch):
    """``([(variable, array)], [(object, store)])``: the default assignments, checked before
    anything is assigned (``ValueError`` on any mismatch), and the objects whose own
    ``load_own_variables``
    reads its store."""
    from ..optimizers.optimizer import Optimizer

    plan, custom = [], []
    for path, obj in weights_layout.saveables(model):
        if not _is_default(obj, "load_own_variables"):
            custom.append((obj, variable_store.ReadStore(stored.get(path, {}))))
            continue
        variables = weights_layout.own_variables(obj)
        values = stored.get(path)
        arrays = None if values is None else _ordered(values)
        if values is not None and not values and not variables:
            continue
        where = "'%s' (path '%s')" % (getattr(obj, "name", type(obj).__name__), path or "/")
        if isinstance(obj, Optimizer):
            if values is not None and len(values) != len(variables):
                warnings.warn(
                    "Skipping variable loading for optimizer '%s', because it has %d variables "
                    "whereas the "
                    "saved optimizer has %d variables. " % (obj.name, len(variables), len(values)),
                    stacklevel=3,
                )
                continue
        if values is None:
            if not variables:
                continue
            if skip_mismatch:
                warnings.warn(
                    "Skipping loading weights for %s: not found in %s." % (where, filename),
                    stacklevel=3,
                )
                continue
            raise ValueError(
                "Unable to load weights from '%s': it has no weights for layer %s, which expects "
                "%d "
                "variables. The file does not match this model's architecture."
                % (filename, where, len(variables))
            )
        if arrays is None or len(arrays) != len(variables):
            if skip_mismatch:
                warnings.warn(
                    "Skipping loading weights for %s: %d stored, %d expected."
                    % (where, len(values), len(variables)),
                    stacklevel=3,
                )
                continue
            raise ValueError(
                "Unable to load weights from '%s': layer %s expected %d variables, but received %d "
                "variables during loading. Expected: %s"
                % (
                    filename,
                    where,
                    len(variables),
                    len(values),
                    [v.name.split(":")[0] for v in variables],
                )
            )
        for variable, array in zip(variables, arrays):
            if tuple(variable.shape) != tuple(array.shape):
                if skip_mismatch:
                    warnings.warn(
                        "Skipping loading weights for %s: shape mismatch." % where, stacklevel=3
                    )
                    break
                raise ValueError(
                    "Unable to load weights from '%s': variable '%s' of layer %s has shape %s, "
                    "but the "
                    "saved value has shape %s."
                    % (
                        filename,
                        variable.name.split(":")[0],
                        where,
                        tuple(variable.shape),
                        tuple(array.shape),
                    )
                )
        else:
            plan.extend(zip(variables, arrays))
    return plan, custom


def _assign(planned):
    plan, custom = planned
    for variable, array in plan:
        variable.assign(array)
    for obj, store in custom:
        obj.load_own_variables(store)


@keras_export("keras.saving.load_weights")
def load_weights(model, filepath, skip_mismatch=False, **kwargs):
    """Loads weights saved by ``save_weights`` / ``save_model`` (torchkeras or Keras) into
    ``model``.

    ``.weights.h5``, sharded ``.weights.json`` and ``.keras`` files are read
    in Keras 3's layout; legacy Keras 2 ``.h5`` / ``.hdf5`` files by layer
    order.  Nothing is assigned unless the whole file matches the model
    (layers overriding ``load_own_variables`` read their part last).
    """
    if kwargs:
        raise ValueError("Invalid keyword arguments: %s" % kwargs)
    filepath = os.fspath(filepath)
    if filepath.endswith(".keras"):
        with _open_archive(filepath) as archive:
            stored = h5_store.read_weights(
                io.BytesIO(_read_member(archive, _WEIGHTS, filepath)), filepath
            )
    elif filepath.endswith(".weights.h5"):
        _check_exists(filepath)
        stored = h5_store.read_weights(filepath, filepath)
    elif filepath.endswith(".weights.json"):
        _check_exists(filepath)
        stored = sharded_store.read_sharded(filepath)
    elif filepath.endswith((".h5", ".hdf5")):
        from . import legacy_h5

        _check_exists(filepath)
        legacy_h5.load_weights(model, filepath, skip_mismatch)
        return
    else:
        raise ValueError(
            "File format not supported: filepath=%s. Keras 3 only supports V3 `.keras` and "
            "`.weights.h5` files, or legacy V1/V2 `.h5` files." % filepath
        )
    _assign(_plan(model, stored, filepath, skip_mismatch))


# ------------------------------------------------------------------ models
@keras_export("keras.saving.save_model")
def save_model(model, filepath, overwrite=True, zipped=True, **kwargs):
    """Saves ``model`` as a Keras 3 ``.keras`` zip (config, metadata, weights and optimizer state).

    ``include_optimizer`` is ignored for ``.keras`` files, as in Keras 3; a ``.h5`` / ``.hdf5``
    path writes Keras' legacy full-model HDF5 file (with Keras' deprecation warning).
    """
    include_optimizer = kwargs.pop("include_optimizer", True)
    if kwargs:
        raise ValueError("The following argument(s) are not supported: %s" % list(kwargs.keys()))
    filepath = os.fspath(filepath)
    if filepath.endswith((".h5", ".hdf5")):
        from . import legacy_h5

        legacy_h5.warn_legacy_save()
        if _proceed(filepath, overwrite):
            legacy_h5.save_model(model, filepath, include_optimizer)
        return
    if not (zipped and filepath.endswith(".keras")):
        raise ValueError(
            "Invalid filepath extension for saving. Please add either a `.keras` extension for "
            "the native "
            "Keras format (recommended) or a `.h5` extension. Use `model.export(filepath)` if you "
            "want to "
            "export a SavedModel for use with TFLite/TFServing/etc. Received: filepath=%s."
            % filepath
        )
    check_parent_directory(filepath)
    if not _proceed(filepath, overwrite):
        return
    from .. import __version__

    config_json = json.dumps(serialization_lib.serialize_keras_object(model))
    metadata = json.dumps(
        {
            "keras_version": __version__,
            "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S"),
        }
    )
    weights = _h5_bytes(_weight_entries(model))
    asset_files = assets.collect(model)

    def write(temporary):
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(_METADATA, metadata)
            archive.writestr(_CONFIG, config_json)
            archive.writestr(_WEIGHTS, weights)
            for member, data in asset_files:
                archive.writestr(member, data)

    atomic_write(filepath, write, create_directories=False)


def _check_exists(filepath):
    if not os.path.exists(filepath):
        raise ValueError(
            "File not found: filepath=%s. Please ensure the file is an accessible `.keras` zip "
            "file." % filepath
            if filepath.endswith(".keras")
            else "File not found: filepath=%s." % filepath
        )


def _open_archive(filepath):
    _check_exists(filepath)
    if not zipfile.is_zipfile(filepath):
        raise ValueError(
            "Unable to load '%s': it is not a `.keras` zip archive (the file is truncated, "
            "corrupt or of "
            "another format)." % filepath
        )
    try:
        return zipfile.ZipFile(filepath, "r")
    except zipfile.BadZipFile as error:
        raise ValueError(
            "Unable to load '%s': corrupt `.keras` zip archive (%s)." % (filepath, error)
        ) from error


def _read_member(archive, member, filepath):
    try:
        return archive.read(member)
    except KeyError as error:
        raise ValueError(
            "Unable to load '%s': the archive has no `%s` (not a Keras 3 `.keras` file)."
            % (filepath, member)
        ) from error
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ValueError(
            "Unable to load '%s': `%s` is corrupt (%s)." % (filepath, member, error)
        ) from error


@keras_export("keras.saving.load_model")
def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Loads a model saved by ``save_model`` (torchkeras or Keras 3 ``.keras``; legacy Keras 2
    ``.h5`` read-only).

    ``custom_objects`` maps names to custom classes / functions (or register
    them with ``register_keras_serializable``); ``compile=False`` skips the
    compiled state; ``safe_mode=False`` allows ``Lambda`` layers holding
    Python bytecode.
    """
    filepath = os.fspath(filepath)
    if filepath.endswith((".h5", ".hdf5")):
        from . import legacy_h5

        _check_exists(filepath)
        return legacy_h5.load_model(
            filepath, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode
        )
    if not filepath.endswith(".keras"):
        raise ValueError(
            "File format not supported: filepath=%s. Keras 3 only supports V3 `.keras` files, "
            "legacy H5 "
            "format files (`.h5` extension). Note that the legacy SavedModel format is not "
            "supported by "
            "`load_model()` in Keras 3. In order to reload a TensorFlow SavedModel as an "
            "inference-only "
            "layer in Keras 3, use `keras.layers.TFSMLayer(%s, call_endpoint='serving_default')` "
            "(note "
            "that your `call_endpoint` might have a different name)." % (filepath, filepath)
        )
    with _open_archive(filepath) as archive:
        raw_config = _read_member(archive, _CONFIG, filepath)
        weights = _read_member(archive, _WEIGHTS, filepath)
        model = _model_from_config(raw_config, filepath, custom_objects, compile, safe_mode)
        stored = h5_store.read_weights(io.BytesIO(weights), filepath)
        _assign(_plan(model, stored, filepath, skip_mismatch=False))
        assets.restore(model, archive, filepath)
    return model


def _model_from_config(raw_config, filepath, custom_objects, compile, safe_mode):
    try:
        config = json.loads(raw_config)
    except ValueError as error:
        raise ValueError(
            "Unable to load '%s': `config.json` is not valid JSON (%s)." % (filepath, error)
        ) from error
    if not compile:
        config.pop("compile_config", None)
    with serialization_lib.SafeModeScope(safe_mode):
        return serialization_lib.deserialize_keras_object(
            config, custom_objects=custom_objects, safe_mode=safe_mode
        )
