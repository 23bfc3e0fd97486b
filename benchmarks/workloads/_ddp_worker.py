"""One replica of the ``ddp_scaling`` workload: ``python _ddp_worker.py IMPL SMOKE``, with
torchrun's variables (or none, for one process).  Prints ``ready`` after a warm-up epoch, then
trains one epoch for each ``epoch`` line read from standard input, answering ``done`` and the
epoch's CPU seconds in this process."""

import os
import sys
import time

import numpy as np
import torch

GLOBAL_BATCH = 128


def _data(smoke):
    rows = 1024 if smoke else 16384
    rng = np.random.RandomState(0)
    return rng.rand(rows, 784).astype(np.float32), rng.randint(0, 10, size=(rows,)).astype(np.int64)


def torch_ddp(smoke):
    """The hand-written loop: ``DistributedDataParallel``, each replica its part of every
    shuffled global batch, RMSprop, loss and accuracy kept on the device."""
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel

    world = int(os.environ.get("WORLD_SIZE", 1))
    rank = int(os.environ.get("RANK", 0))
    if world > 1:
        dist.init_process_group("gloo")
    torch.manual_seed(0)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 10)
    )
    if world > 1:
        model = DistributedDataParallel(model)
    optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    x, y = (torch.from_numpy(a) for a in _data(smoke))
    generator = torch.Generator().manual_seed(0)

    def epoch():
        order = torch.randperm(x.shape[0], generator=generator)
        loss_sum = torch.zeros(())
        correct = torch.zeros(())
        for start in range(0, x.shape[0], GLOBAL_BATCH):
            rows = torch.tensor_split(order[start : start + GLOBAL_BATCH], world)[rank]
            xb, yb = x.index_select(0, rows), y.index_select(0, rows)
            logits = model(xb)
            loss = torch.nn.functional.cross_entropy(logits, yb)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                loss_sum += loss.detach() * rows.numel()
                correct += (logits.argmax(1) == yb).sum()
        return float(loss_sum), float(correct)

    return epoch


def keras_fit(smoke, tf):
    """``model.fit`` of the same MLP under ``MirroredStrategy`` (or ``MultiWorkerMirrored``
    from ``TF_CONFIG``), the global batch 128."""
    strategy = (
        tf.distribute.MultiWorkerMirroredStrategy()
        if "TF_CONFIG" in os.environ
        else tf.distribute.MirroredStrategy()
    )
    keras = tf.keras
    with strategy.scope():
        model = keras.Sequential(
            [
                keras.Input(shape=(784,)),
                keras.layers.Dense(512, activation="relu"),
                keras.layers.Dense(10),
            ]
        )
        model.compile(
            optimizer="rmsprop",
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy"],
        )
    x, y = _data(smoke)
    return lambda: model.fit(x, y, batch_size=GLOBAL_BATCH, epochs=1, verbose=0)


def main(impl, smoke):
    """Sets up ``impl`` (``torch``, ``torchkeras`` or ``tensorflow``) and serves epochs."""
    torch.set_num_threads(1)
    if impl == "torch":
        torch.set_flush_denormal(True)  # as TensorFlow (and torchkeras' fit) do
        epoch = torch_ddp(smoke)
    elif impl == "torchkeras":
        import torchkeras

        epoch = keras_fit(smoke, torchkeras)
    else:
        import tensorflow

        tensorflow.config.threading.set_intra_op_parallelism_threads(1)
        tensorflow.config.threading.set_inter_op_parallelism_threads(1)
        epoch = keras_fit(smoke, tensorflow)
    epoch()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "epoch":
            start = time.process_time()
            epoch()
            print("done %.6f" % (time.process_time() - start), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] == "1")
