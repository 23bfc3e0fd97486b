"""``tf.distribute`` in one process (one replica, no launcher), and against real TensorFlow's
``MirroredStrategy`` on the CPU."""

import json

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.distribute import cluster
from torchkeras.distribute.input_lib import split_batch


def _scenario(tf):
    """The public values of a one-replica ``MirroredStrategy``, as plain Python/NumPy."""
    out = {}
    strategy = tf.distribute.MirroredStrategy()
    out["replicas"] = strategy.num_replicas_in_sync
    out["default"] = type(tf.distribute.get_strategy()).__name__
    out["outside"] = (tf.distribute.has_strategy(), tf.distribute.in_cross_replica_context())
    with strategy.scope():
        out["inside"] = (
            tf.distribute.has_strategy(),
            tf.distribute.in_cross_replica_context(),
            tf.distribute.get_replica_context() is None,
            tf.distribute.get_strategy() is strategy,
        )

    def step(x):
        context = tf.distribute.get_replica_context()
        out["in_run"] = (
            int(context.replica_id_in_sync_group),
            context.replica_id_in_sync_group.dtype.name,
            context.num_replicas_in_sync,
            tf.distribute.in_cross_replica_context(),
        )
        out["all_reduce"] = context.all_reduce(tf.distribute.ReduceOp.SUM, x).numpy()
        return x * 2

    result = strategy.run(step, args=(tf.constant([1.0, 2.0, 3.0]),))
    out["local"] = [v.numpy() for v in strategy.experimental_local_results(result)]
    out["sum"] = strategy.reduce(tf.distribute.ReduceOp.SUM, result, axis=None).numpy()
    out["mean_axis"] = strategy.reduce("MEAN", result, axis=0).numpy()
    out["sum_axis"] = strategy.reduce(tf.distribute.ReduceOp.SUM, result, axis=0).numpy()
    out["gather"] = strategy.gather(result, axis=0).numpy()
    x = np.arange(10.0, dtype="float32").reshape(5, 2)
    dataset = tf.data.Dataset.from_tensor_slices((x, np.arange(5))).batch(2)
    distributed = strategy.experimental_distribute_dataset(dataset)
    out["shapes"] = [[tuple(t.shape) for t in element] for element in distributed]
    out["spec"] = repr(distributed.element_spec)

    def dataset_fn(context):
        out["context"] = (
            context.num_input_pipelines,
            context.input_pipeline_id,
            context.num_replicas_in_sync,
            context.get_per_replica_batch_size(8),
            str(context),
        )
        return dataset

    from_function = strategy.distribute_datasets_from_function(dataset_fn)
    out["function_shapes"] = [[tuple(t.shape) for t in element] for element in from_function]
    out["average_loss"] = float(tf.nn.compute_average_loss(tf.constant([1.0, 2.0, 3.0, 4.0])))
    out["reduce_ops"] = [repr(op) for op in tf.distribute.ReduceOp]
    out["options"] = str(tf.distribute.experimental.CommunicationOptions(timeout_seconds=5))
    out["one_device"] = tf.distribute.OneDeviceStrategy("/cpu:0").num_replicas_in_sync
    with pytest.raises(ValueError) as info:
        tf.distribute.InputContext(num_replicas_in_sync=3).get_per_replica_batch_size(8)
    out["batch_error"] = str(info.value)
    with strategy.scope():
        with pytest.raises(RuntimeError) as info:
            with tf.distribute.MirroredStrategy().scope():
                pass
    out["mixing"] = str(info.value).startswith("Mixing different tf.distribute.Strategy objects")
    return out


def _check(out):
    assert out["replicas"] == 1 and out["default"] == "_DefaultDistributionStrategy"
    assert out["outside"] == (False, False)
    assert out["inside"] == (True, True, True, True)
    assert out["in_run"] == (0, "int32", 1, False)
    np.testing.assert_allclose(out["sum"], [2, 4, 6])
    np.testing.assert_allclose(out["mean_axis"], 4.0)
    np.testing.assert_allclose(out["sum_axis"], 12.0)
    assert out["shapes"] == [[(2, 2), (2,)], [(2, 2), (2,)], [(1, 2), (1,)]]
    context = "tf.distribute.InputContext(input pipeline id 0, total: 1)"
    assert out["context"] == (1, 0, 1, 8, context)
    assert out["average_loss"] == 2.5
    assert out["mixing"]


def test_one_replica_strategy():
    _check(_scenario(tf))


def test_agrees_with_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, theirs = _scenario(tf), _scenario(tf_real)
    _check(theirs)
    assert ours.keys() == theirs.keys()
    for key in ours:
        if isinstance(ours[key], np.ndarray) or key in ("local", "all_reduce"):
            np.testing.assert_allclose(ours[key], theirs[key], err_msg=key)
        else:
            assert ours[key] == theirs[key], key


def test_default_strategy_outside_any_scope():
    strategy = tf.distribute.get_strategy()
    context = tf.distribute.get_replica_context()
    assert context.strategy is strategy and context.num_replicas_in_sync == 1
    with strategy.scope():
        assert not tf.distribute.has_strategy()
    assert strategy.run(lambda x: x + 1, args=(1,)) == 2


def test_a_plain_value_reduces_to_itself_on_one_replica():
    strategy = tf.distribute.MirroredStrategy()
    assert float(strategy.reduce("SUM", tf.constant(1.0), axis=None)) == 1.0
    assert strategy.experimental_local_results(3) == (3,)


def test_fit_in_scope_on_one_replica_is_plain_fit():
    from torchkeras import keras

    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
    history = model.fit(np.ones((8, 3)), np.ones((8, 1)), batch_size=4, epochs=1, verbose=0)
    assert len(history.history["loss"]) == 1


def test_tf_config_ranks_chief_first(monkeypatch):
    config = {
        "cluster": {"chief": ["host0:2222"], "worker": ["host1:2222", "host2:2222"]},
        "task": {"type": "worker", "index": 1},
    }
    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    monkeypatch.setenv("TF_CONFIG", json.dumps(config))
    assert cluster._launch() == (2, 3, "host0", "2222")
    resolver = tf.distribute.cluster_resolver.TFConfigClusterResolver()
    assert (resolver.task_type, resolver.task_id) == ("worker", 1)
    assert resolver.cluster_spec() == config["cluster"]
    assert resolver.master() == "host2:2222"
    monkeypatch.setenv("TF_CONFIG", json.dumps({**config, "task": {"type": "ps", "index": 0}}))
    with pytest.raises(ValueError, match="not a training task"):
        cluster._launch()


def test_no_launcher_means_one_replica(monkeypatch):
    for name in ("RANK", "WORLD_SIZE", "TF_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    assert cluster._launch() == (0, 1, None, None)


def test_split_batch_gives_the_first_replicas_the_extra_rows():
    import torch

    rows = torch.arange(7)
    assert [split_batch(rows, 2, r).tolist() for r in (0, 1)] == [[0, 1, 2, 3], [4, 5, 6]]
    assert split_batch(torch.tensor(3.0), 2, 1).item() == 3.0
