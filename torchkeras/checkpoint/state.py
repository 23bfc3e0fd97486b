"""The ``checkpoint`` state file (a ``CheckpointState`` text proto) and ``latest_checkpoint``."""

from __future__ import annotations

import os

from ..api_export import tf_export
from ..framework.file_io import atomic_write_bytes

__all__ = ["read_state", "write_state", "latest_checkpoint", "checkpoint_exists"]

STATE_FILE = "checkpoint"


def read_state(directory):
    """The directory's ``CheckpointState`` (paths made absolute), or None if absent/unreadable."""
    from . import protos

    path = os.path.join(os.fspath(directory), STATE_FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return None
    state = protos.CheckpointState()
    try:
        protos.text_format.Merge(text, state)
    except protos.text_format.ParseError:
        return None
    if not state.model_checkpoint_path:
        return None
    directory = os.fspath(directory)

    def absolute(p):
        return p if os.path.isabs(p) else os.path.join(directory, p)

    state.model_checkpoint_path = absolute(state.model_checkpoint_path)
    paths = [absolute(p) for p in state.all_model_checkpoint_paths]
    del state.all_model_checkpoint_paths[:]
    state.all_model_checkpoint_paths.extend(paths)
    return state


def write_state(directory, latest, all_paths, timestamps=None, last_preserved=None):
    """Write the state file with paths relative to ``directory`` (atomically, as TF)."""
    from . import protos

    directory = os.fspath(directory)

    def relative(p):
        return os.path.relpath(os.path.abspath(os.fspath(p)), os.path.abspath(directory))

    state = protos.CheckpointState(model_checkpoint_path=relative(latest))
    state.all_model_checkpoint_paths.extend(relative(p) for p in all_paths)
    if timestamps is not None:
        state.all_model_checkpoint_timestamps.extend(timestamps)
    if last_preserved is not None:
        state.last_preserved_timestamp = last_preserved
    atomic_write_bytes(
        os.path.join(directory, STATE_FILE),
        protos.text_format.MessageToString(state).encode("utf-8"),
    )


def checkpoint_exists(prefix):
    """Whether ``<prefix>.index`` exists."""
    return os.path.exists(os.fspath(prefix) + ".index")


@tf_export("train.latest_checkpoint")
def latest_checkpoint(checkpoint_dir, latest_filename=None):
    """``tf.train.latest_checkpoint``: the newest checkpoint prefix named in the state file.

    None when there is no state file or the checkpoint it names is missing."""
    from . import protos

    filename = latest_filename or STATE_FILE
    path = os.path.join(os.fspath(checkpoint_dir), filename)
    if not os.path.exists(path):
        return None
    if filename != STATE_FILE:
        state = protos.CheckpointState()
        with open(path, encoding="utf-8") as handle:
            protos.text_format.Merge(handle.read(), state)
        prefix = state.model_checkpoint_path
        if prefix and not os.path.isabs(prefix):
            prefix = os.path.join(os.fspath(checkpoint_dir), prefix)
    else:
        state = read_state(checkpoint_dir)
        prefix = state.model_checkpoint_path if state is not None else None
    if prefix and checkpoint_exists(prefix):
        return prefix
    return None
