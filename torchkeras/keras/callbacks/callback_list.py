"""``keras.callbacks.CallbackList``: dispatches each hook to a list of callbacks."""

from __future__ import annotations

from ...framework import tree as _tree
from .callback import Callback
from .history import History
from .logs import pythonify_logs
from .progbar_logger import ProgbarLogger
from ...api_export import keras_export

__all__ = ["CallbackList"]

_BATCH_HOOKS = {
    "on_train_batch_begin": ("on_train_batch_begin", "on_batch_begin"),
    "on_train_batch_end": ("on_train_batch_end", "on_batch_end"),
    "on_test_batch_begin": ("on_test_batch_begin",),
    "on_test_batch_end": ("on_test_batch_end",),
    "on_predict_batch_begin": ("on_predict_batch_begin",),
    "on_predict_batch_end": ("on_predict_batch_end",),
}


def _overrides(callback, names):
    for name in names:
        if name in vars(callback) or getattr(type(callback), name) is not getattr(Callback, name):
            return True
    return False


def _flatten_callbacks(callbacks):
    if callbacks is None:
        return []
    return _tree.flatten(callbacks, _tree.KERAS)


@keras_export("keras.callbacks.CallbackList")
class CallbackList(Callback):
    """Container calling every callback's hook in order (``History`` and
    ``ProgbarLogger`` added when asked and absent).

    Batch hooks accept ``logs`` as a dict or as a zero-argument function
    returning one: the function runs (once) only if some callback needs the
    values, so training does not wait on the device for unused logs.
    """

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None, **params):
        super().__init__()
        self.callbacks = _flatten_callbacks(callbacks)
        self._history = next((c for c in self.callbacks if isinstance(c, History)), None)
        self._progbar = next((c for c in self.callbacks if isinstance(c, ProgbarLogger)), None)
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        self._batch_listeners = {
            hook: [c for c in self.callbacks if c is not self._progbar and _overrides(c, names)]
            for hook, names in _BATCH_HOOKS.items()
        }
        self.set_model(model)
        self.set_params(params)

    def append(self, callback):
        """Adds a callback at the end."""
        self.callbacks.append(callback)
        for hook, names in _BATCH_HOOKS.items():
            if _overrides(callback, names):
                self._batch_listeners[hook].append(callback)

    def set_params(self, params):
        self.params = params
        if params:
            for callback in self.callbacks:
                callback.set_params(params)

    def set_model(self, model):
        if model is None:
            return
        super().set_model(model)
        if self._history is not None:
            model.history = self._history
        for callback in self.callbacks:
            callback.set_model(model)

    def _dispatch_batch(self, hook, batch, logs):
        listeners = self._batch_listeners[hook]
        progbar = self._progbar if hook.endswith("_end") else None
        draw = progbar is not None and progbar._wants_batch_logs(hook)
        values = None
        if listeners or draw:
            values = pythonify_logs(logs() if callable(logs) else logs)
            for callback in listeners:
                getattr(callback, hook)(batch, logs=values)
        if progbar is None:
            return
        if draw or hook == "on_predict_batch_end":
            getattr(progbar, hook)(batch, logs=values)
        else:
            progbar._count_batch(hook, batch)

    def on_batch_begin(self, batch, logs=None):
        self._dispatch_batch("on_train_batch_begin", batch, logs)

    def on_batch_end(self, batch, logs=None):
        self._dispatch_batch("on_train_batch_end", batch, logs)

    def on_train_batch_begin(self, batch, logs=None):
        self._dispatch_batch("on_train_batch_begin", batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        self._dispatch_batch("on_train_batch_end", batch, logs)

    def on_test_batch_begin(self, batch, logs=None):
        self._dispatch_batch("on_test_batch_begin", batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        self._dispatch_batch("on_test_batch_end", batch, logs)

    def on_predict_batch_begin(self, batch, logs=None):
        self._dispatch_batch("on_predict_batch_begin", batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        self._dispatch_batch("on_predict_batch_end", batch, logs)

    def _call_all(self, hook, *args):
        for callback in self.callbacks:
            getattr(callback, hook)(*args)

    def on_epoch_begin(self, epoch, logs=None):
        self._call_all("on_epoch_begin", epoch, pythonify_logs(logs))

    def on_epoch_end(self, epoch, logs=None):
        self._call_all("on_epoch_end", epoch, pythonify_logs(logs))

    def on_train_begin(self, logs=None):
        self._call_all("on_train_begin", pythonify_logs(logs))

    def on_train_end(self, logs=None):
        self._call_all("on_train_end", pythonify_logs(logs))

    def on_test_begin(self, logs=None):
        self._call_all("on_test_begin", pythonify_logs(logs))

    def on_test_end(self, logs=None):
        self._call_all("on_test_end", pythonify_logs(logs))

    def on_predict_begin(self, logs=None):
        self._call_all("on_predict_begin", pythonify_logs(logs))

    def on_predict_end(self, logs=None):
        self._call_all("on_predict_end", pythonify_logs(logs))
