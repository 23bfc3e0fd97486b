"""mlp_predict: ``model.predict`` of the mlp_fit model on (60000, 784), batch 128,
against raw torch doing the same batched forward pass and one copy to NumPy."""

import torch

from . import _mlp

DESCRIPTION = "predict(): MLP 784-512-10 on 60000 x 784, batch 128, verbose=0"
UNIT = "ms"
TARGET = 1.02
REPEATS = 5
THREADS = None


def torch_version(smoke, device):
    x, _ = _mlp.data(smoke)
    x = torch.from_numpy(x).to(device)
    model = _mlp.TorchMLP(device)

    def run():
        with torch.inference_mode():
            outputs = [
                model.forward(x[start : start + _mlp.BATCH_SIZE])
                for start in range(0, x.shape[0], _mlp.BATCH_SIZE)
            ]
            return torch.cat(outputs).cpu().numpy()

    return run


def tf_version(tf, smoke):
    x, _ = _mlp.data(smoke)
    model = _mlp.keras_model(tf)
    return lambda: model.predict(x, batch_size=_mlp.BATCH_SIZE, verbose=0)
