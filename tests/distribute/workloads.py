"""Training workloads run by the distributed tests, in each replica process and (as the
reference) in one process: ``python workloads.py OUT_PREFIX WORKLOAD...``.

Each workload seeds its model differently on every replica before creating it under the
strategy's scope, so equal results also prove that variables start from replica 0's values.
"""

import contextlib
import os
import sys

import numpy as np

import torchkeras as tf
from torchkeras import keras

GLOBAL_BATCH = 16


def _rank():
    return int(os.environ.get("RANK", os.environ.get("TK_TEST_RANK", 0)))


def _data():
    rng = np.random.default_rng(0)
    return rng.normal(size=(64, 5)).astype("float32"), rng.integers(0, 3, 64)


def _mlp():
    return keras.Sequential(
        [keras.Input((5,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(3)]
    )


def fit_mlp(strategy, out_dir):
    """``fit`` (two epochs, a checkpoint and a CSV log), ``evaluate`` and ``predict``."""
    return _fit_mlp(strategy.scope(), os.path.join(out_dir, "fit"))


def fit_data_parallel(strategy, out_dir):
    """:func:`fit_mlp` under ``keras.distribution.DataParallel`` instead of a strategy."""
    keras.distribution.set_distribution(keras.distribution.DataParallel())
    try:
        return _fit_mlp(contextlib.nullcontext(), os.path.join(out_dir, "data_parallel"))
    finally:
        keras.distribution.set_distribution(None)


def _fit_mlp(scope, out_dir):
    x, y = _data()
    keras.utils.set_random_seed(1 + _rank())
    with scope:
        model = _mlp()
        model.compile(
            optimizer=keras.optimizers.Adam(0.01),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy"],
        )
    rank_dir = os.path.join(out_dir, "rank%d" % _rank())
    os.makedirs(rank_dir, exist_ok=True)
    callbacks = [
        keras.callbacks.ModelCheckpoint(
            os.path.join(rank_dir, "ckpt.weights.h5"), save_weights_only=True
        ),
        keras.callbacks.CSVLogger(os.path.join(rank_dir, "log.csv")),
    ]
    history = model.fit(
        x, y, batch_size=GLOBAL_BATCH, epochs=2, shuffle=False, verbose=2, callbacks=callbacks
    )
    loss, accuracy = model.evaluate(x, y, batch_size=GLOBAL_BATCH, verbose=0)
    return {
        "weights": [w.numpy() for w in model.weights],
        "history": np.array([history.history["loss"], history.history["accuracy"]]),
        "evaluate": np.array([loss, accuracy]),
        "predict": model.predict(x, batch_size=GLOBAL_BATCH, verbose=0),
    }


def fit_shuffled(strategy, out_dir):
    """``fit`` with shuffling: the replicas must stay equal (the same permutation)."""
    x, y = _data()
    keras.utils.set_random_seed(7 + _rank())
    with strategy.scope():
        model = _mlp()
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=GLOBAL_BATCH, epochs=2, verbose=0)
    return {"weights": [w.numpy() for w in model.weights]}


def custom_loop(strategy, out_dir):
    """The TF tutorial "Custom training with tf.distribute.Strategy": ``strategy.run`` of a
    tape step, ``tf.nn.compute_average_loss``, ``strategy.reduce`` of the losses."""
    x, y = _data()
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).batch(GLOBAL_BATCH)
    dist_dataset = strategy.experimental_distribute_dataset(dataset)
    keras.utils.set_random_seed(3 + _rank())
    with strategy.scope():
        model = _mlp()
        loss_object = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="none")
        optimizer = keras.optimizers.SGD(0.1)
        accuracy = keras.metrics.SparseCategoricalAccuracy()

    def train_step(inputs):
        features, labels = inputs
        with tf.GradientTape() as tape:
            predictions = model(features, training=True)
            loss = tf.nn.compute_average_loss(
                loss_object(labels, predictions), global_batch_size=GLOBAL_BATCH
            )
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        accuracy.update_state(labels, predictions)
        return loss

    @tf.function
    def distributed_train_step(inputs):
        per_replica_losses = strategy.run(train_step, args=(inputs,))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica_losses, axis=None)

    losses = []
    for _ in range(2):
        total, batches = 0.0, 0
        for batch in dist_dataset:
            total += float(distributed_train_step(batch))
            batches += 1
        losses.append(total / batches)
    return {"weights": [w.numpy() for w in model.weights], "losses": np.array(losses)}


def linear_classifier(strategy, out_dir):
    """The chapter's linear classifier (listings 3.13-3.21) with each replica's half of the
    samples, its gradients summed by ``ReplicaContext.all_reduce``."""
    rng = np.random.default_rng(1)
    cov = [[1, 0.5], [0.5, 1]]
    inputs = np.vstack(
        (rng.multivariate_normal([0, 3], cov, 500), rng.multivariate_normal([3, 0], cov, 500))
    ).astype("float32")
    targets = np.vstack((np.zeros((500, 1)), np.ones((500, 1)))).astype("float32")
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).batch(1000)
    batch = next(iter(strategy.experimental_distribute_dataset(dataset)))
    with strategy.scope():
        W = tf.Variable(tf.random.uniform(shape=(2, 1), seed=_rank()))
        b = tf.Variable(tf.zeros(shape=(1,)))

    def training_step(inputs, targets):
        with tf.GradientTape() as tape:
            predictions = tf.matmul(inputs, W) + b
            loss = tf.reduce_sum(tf.square(targets - predictions)) / 1000
        grads = tape.gradient(loss, [W, b])
        grads = tf.distribute.get_replica_context().all_reduce("SUM", grads)
        W.assign_sub(grads[0] * 0.1)
        b.assign_sub(grads[1] * 0.1)
        return loss

    losses = []
    for _ in range(20):
        per_replica = strategy.run(training_step, args=batch)
        losses.append(float(strategy.reduce("SUM", per_replica, axis=None)))
    return {"weights": [W.numpy(), b.numpy()], "losses": np.array(losses)}


def replica_dies(strategy, out_dir):
    """Replica 1 dies in its third training step; replica 0 must fail with an error, not hang."""
    import time

    x, y = _data()

    class Die(keras.callbacks.Callback):
        def on_train_batch_begin(self, batch, logs=None):
            if _rank() == 1 and batch == 2:
                os._exit(3)

    with strategy.scope():
        model = _mlp()
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    start = time.monotonic()
    try:
        model.fit(x, y, batch_size=GLOBAL_BATCH, epochs=50, verbose=0, callbacks=[Die()])
    except tf.errors.UnavailableError as error:
        print("failed after %.1f s: %s" % (time.monotonic() - start, type(error).__name__))
        sys.exit(0)
    sys.exit(1)


def fit_with_backup(strategy, out_dir):
    """Four epochs with ``BackupAndRestore``; on the first run (no ``died`` file yet) replica 1
    dies as epoch 3 begins, so a restarted run resumes at epoch 3 (printing the epochs run)."""
    x, y = _data()
    marker = os.path.join(out_dir, "died")

    class Die(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            if epoch == 2 and _rank() == 1 and not os.path.exists(marker):
                open(marker, "w").close()
                os._exit(3)

    class Epochs(keras.callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            os.write(1, ("rank %d epoch %d\n" % (_rank(), epoch)).encode())

    keras.utils.set_random_seed(0)
    with strategy.scope():
        model = _mlp()
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    backup = keras.callbacks.BackupAndRestore(os.path.join(out_dir, "backup"))
    model.fit(
        x,
        y,
        batch_size=GLOBAL_BATCH,
        epochs=4,
        shuffle=False,
        verbose=0,
        callbacks=[backup, Die(), Epochs()],
    )
    return {"weights": model.get_weights()}


def fit_mlp_small_buckets(strategy, out_dir):
    """``fit_mlp`` with one gradient bucket per weight: the all-reduces start during backward,
    one after another (the overlap path with several buckets)."""
    from torchkeras.distribute import collective

    size = collective.BUCKET_BYTES
    collective.BUCKET_BYTES = 64
    try:
        return fit_mlp(strategy, out_dir)
    finally:
        collective.BUCKET_BYTES = size


WORKLOADS = {
    f.__name__: f
    for f in (
        fit_mlp,
        fit_mlp_small_buckets,
        fit_with_backup,
        fit_data_parallel,
        fit_shuffled,
        custom_loop,
        linear_classifier,
        replica_dies,
    )
}


def _flat(results):
    out = {}
    for key, value in results.items():
        if isinstance(value, list):
            out.update({"%s_%d" % (key, i): v for i, v in enumerate(value)})
        else:
            out[key] = value
    return out


def main(argv):
    out_dir, names = argv[0], argv[1:]
    strategy_name = os.environ.get("TK_TEST_STRATEGY", "MirroredStrategy")
    strategy = getattr(tf.distribute, strategy_name)()
    for name in names:
        results = _flat(WORKLOADS[name](strategy, out_dir))
        np.savez(os.path.join(out_dir, "%s_rank%d.npz" % (name, _rank())), **results)
    print("replicas", strategy.num_replicas_in_sync)


if __name__ == "__main__":
    main(sys.argv[1:])
