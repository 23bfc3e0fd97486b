"""mlp_fit_jit_torch_compile: ``mlp_fit_jit`` (``compile(..., jit_compile=True)``) against the raw
torch loop compiled the same way (its whole step, forward, loss, gradients and the RMSprop update,
one ``torch.compile`` graph): what torchkeras adds to compiled torch.  Read with ``mlp_fit_jit``
(the same torchkeras
figure against *eager* raw torch), it also shows how much compiling can win on the machine at
all."""

import torch

from . import _mlp, mlp_fit_jit

DESCRIPTION = "fit(): mlp_fit_jit, vs raw torch with its whole step torch.compile'd the same way"
UNIT = "ms"
TARGET = 1.05
REPEATS = 3
THREADS = None

tf_version = mlp_fit_jit.tf_version


def torch_version(smoke, device):
    x, y = _mlp.data(smoke)
    x, y = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    model = _mlp.CompiledTorchMLP(device)
    return lambda: model.train_epoch(x, y)
