"""``keras.callbacks.ProgbarLogger``: the progress output of ``fit``/``evaluate``/``predict``."""

from __future__ import annotations


from ..utils.io_utils import print_msg
from ..utils.progbar import Progbar
from .callback import Callback
from ...api_export import keras_export

__all__ = ["ProgbarLogger"]


@keras_export("keras.callbacks.ProgbarLogger")
class ProgbarLogger(Callback):
    """Prints ``Epoch i/N`` and Keras' progress bar (added by ``fit`` when ``verbose`` is not 0).

    Inside ``fit`` the validation pass is silent, as in Keras.
    """

    def __init__(self):
        super().__init__()
        self.seen = 0
        self.progbar = None
        self.target = None
        self.verbose = 1
        self.epochs = 1
        self._called_in_fit = False

    def set_params(self, params):
        verbose = params["verbose"]
        self.verbose = 1 if verbose == "auto" else verbose
        self.epochs = params["epochs"]
        self.target = params["steps"]

    def on_train_begin(self, logs=None):
        self._called_in_fit = True

    def on_test_begin(self, logs=None):
        if not self._called_in_fit:
            self._reset_progbar()
            self._maybe_init_progbar()

    def on_predict_begin(self, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()

    def on_epoch_begin(self, epoch, logs=None):
        self._reset_progbar()
        self._maybe_init_progbar()
        if self.verbose and self.epochs > 1:
            print_msg("Epoch %d/%d" % (epoch + 1, self.epochs))

    def on_train_batch_end(self, batch, logs=None):
        self._update_progbar(batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        if not self._called_in_fit:
            self._update_progbar(batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        self._update_progbar(batch, None)

    def on_epoch_end(self, epoch, logs=None):
        self._finalize_progbar(logs)

    def on_test_end(self, logs=None):
        if not self._called_in_fit:
            self._finalize_progbar(logs)

    def on_predict_end(self, logs=None):
        self._finalize_progbar(logs)

    def _wants_batch_logs(self, hook):
        """Whether the batch hook ``hook`` would draw now (so its logs must be computed)."""
        if hook == "on_predict_batch_end" or (hook == "on_test_batch_end" and self._called_in_fit):
            return False
        self._maybe_init_progbar()
        return self.progbar.due()

    def _count_batch(self, hook, batch):
        """Records a batch of ``hook`` without drawing (the redraw interval has not passed)."""
        if hook == "on_train_batch_end" or not self._called_in_fit:
            self._maybe_init_progbar()
            self.seen = batch + 1

    def _reset_progbar(self):
        self.seen = 0
        self.progbar = None

    def _maybe_init_progbar(self):
        if self.progbar is None:
            self.progbar = Progbar(
                target=self.target, verbose=self.verbose, unit_name="step", stateless_metrics=set()
            )

    def _update_progbar(self, batch, logs=None):
        self._maybe_init_progbar()
        self.seen = batch + 1
        if self.verbose == 1:
            self.progbar.update(self.seen, list((logs or {}).items()), finalize=False)

    def _finalize_progbar(self, logs):
        if self.target is None:
            self.target = self.seen
            self.progbar.target = self.target
        self.progbar.update(self.target, list((logs or {}).items()), finalize=True)
