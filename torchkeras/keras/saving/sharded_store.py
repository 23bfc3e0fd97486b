"""Keras 3's sharded weights: ``<name>.weights.json`` plus ``<name>_00000.weights.h5``,
``<name>_00001.weights.h5``...

Written by ``save_weights(path, max_shard_size=GB)``.  Values go, in saving
order, into the current shard until the next one would push it past
``max_shard_size`` gigabytes; then a new shard starts.  The JSON file holds
``{"metadata": {"total_size": bytes}, "weight_map": {"/<path>/vars": shard
name, or a list of names when the group spans several}}``.  Each shard is
an ordinary weights HDF5 file; loading merges the groups of every shard the
map names.
"""

import json
import os
import warnings

from . import h5_store

__all__ = ["sharded_path", "write_sharded", "read_sharded"]


def sharded_path(filepath, writing):
    """``filepath`` with the ``.json`` suffix Keras requires (warning, as Keras does, when it had
    another)."""
    root, suffix = os.path.splitext(filepath)
    if suffix == ".json":
        return filepath
    new_path = root + ".json"
    warnings.warn(
        "%s sharded weights requires `*.json` as the extension. The original path: %s will be "
        "renamed to "
        "%s." % ("Saving" if writing else "Loading", filepath, new_path),
        stacklevel=3,
    )
    return new_path


def _readable(size):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size / 1024 < 1:
            return "{:.2f} {}".format(size, unit)
        size /= 1024
    return "{:.2f} PB".format(size)


def _nbytes(array):
    return array.size * (1 if array.dtype == bool else array.dtype.itemsize * 8) / 8


def _plan(entries, max_bytes):
    """``(shards, weight_map, total)``: each shard a list of ``(path, name, {key: array})``
    triples."""
    shards, weight_map, total, current = [[]], {}, 0, 0
    for path, name, values in entries:
        if name is not None:
            shards[-1].append((path, name, {}))
        for key, array in values.items():
            size = _nbytes(array)
            total += size
            if size > max_bytes:
                raise ValueError(
                    "The size of %s is %s which exceeds the maximum shard size %s. You can "
                    "increase the "
                    "`max_shard_size` parameter to accommodate the size."
                    % (key, _readable(size), _readable(max_bytes))
                )
            current += size
            if current > max_bytes:
                shards.append([])
                current = size
            shards[-1].append((path, None, {key: array}))
            weight_map.setdefault("/" + h5_store.vars_group(path), []).append(len(shards) - 1)
    return shards, weight_map, total


def write_sharded(filepath, entries, max_shard_size, write_file):
    """Writes ``entries`` as Keras' sharded files beside ``filepath`` (the ``.weights.json``).

    ``write_file(path, writer)`` writes one file (atomically, in saving_lib).
    """
    directory, base = os.path.split(filepath)
    base = os.path.splitext(base)[0].replace(".weights", "")
    names = lambda index: "%s_%05d.weights.h5" % (base, index)  # noqa: E731
    shards, weight_map, total = _plan(entries, float(max_shard_size) * 1024**3)
    h5py = h5_store.require_h5py()

    def shard_writer(shard):
        def write(temporary):
            with h5py.File(temporary, "w") as h5:
                for path, name, values in shard:
                    group = h5_store.write_group(h5, path, name)
                    for key, array in values.items():
                        group.create_dataset(key, data=array)

        return write

    for index, shard in enumerate(shards):
        write_file(os.path.join(directory, names(index)), shard_writer(shard))
    mapping = {}
    for group, indices in weight_map.items():
        files = list(dict.fromkeys(names(i) for i in indices))
        mapping[group] = files if len(indices) > 1 else files[0]
    config = json.dumps({"metadata": {"total_size": float(total)}, "weight_map": mapping}, indent=4)

    def write_json(temporary):
        with open(temporary, "w") as handle:
            handle.write(config)

    write_file(filepath, write_json)


def read_sharded(filepath):
    """``{path: {key: array}}`` merged from every shard named in ``filepath``; ``ValueError``
    naming the problem."""
    try:
        with open(filepath) as handle:
            config = json.load(handle)
        weight_map = config["weight_map"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValueError(
            "Unable to read the sharded weights map '%s': not a Keras `.weights.json` file (%s)."
            % (filepath, error)
        ) from error
    files = []
    for names in weight_map.values():
        for name in names if isinstance(names, list) else [names]:
            if name not in files:
                files.append(name)
    directory = os.path.dirname(filepath)
    found = {}
    for name in files:
        shard = os.path.join(directory, os.path.basename(name))
        if not os.path.exists(shard):
            raise ValueError(
                "Unable to load sharded weights '%s': the shard '%s' it names is missing."
                % (filepath, name)
            )
        for path, values in h5_store.read_weights(shard, shard).items():
            found.setdefault(path, {}).update(values)
    return found
