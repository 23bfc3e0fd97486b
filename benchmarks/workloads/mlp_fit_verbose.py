"""mlp_fit_verbose: ``mlp_fit`` with ``verbose=1`` (the live progress bar), so the
cost of the logs the bar needs is measured too."""

import contextlib
import io

import torch

from . import _mlp

DESCRIPTION = "fit(): the mlp_fit workload with verbose=1 (progress bar to a buffer)"
UNIT = "ms"
TARGET = 1.05
REPEATS = 3
THREADS = None


def torch_version(smoke, device):
    x, y = _mlp.data(smoke)
    x, y = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    model = _mlp.TorchMLP(device)
    return lambda: model.train_epoch(x, y)


def tf_version(tf, smoke):
    x, y = _mlp.data(smoke)
    model = _mlp.keras_model(tf)

    def run():
        with contextlib.redirect_stdout(io.StringIO()):
            model.fit(x, y, batch_size=_mlp.BATCH_SIZE, epochs=1, verbose=1)

    return run
