"""``Trainer``: Keras' ``compile``/``fit``/``evaluate``/``predict``, mixed into ``keras.Model``.

The default ``train_step`` runs at raw-torch speed (DESIGN.md, decision 5):
one forward pass recorded by torch autograd, ``torch.autograd.grad`` on the
trainable parameters, the optimizer's multi-tensor update, metric state on
the device, and no host synchronisation unless the progress bar or a
callback asks for the logs.  Overriding ``train_step(self, data)`` with a
``tf.GradientTape`` and ``self.optimizer.apply_gradients`` (the book's
chapter 7) works as in Keras: ``data`` is the batch as a tuple of Tensors,
and the returned dict becomes the logs.

``compile(jit_compile=True)`` compiles the default train step with
``torch.compile``: with a built-in optimizer whose update reads nothing back
from the device (all but Nadam; no EMA, no gradient accumulation) the whole
step (forward pass, loss, gradients, clipping, weight decay and the update,
with the learning rate and step as device tensors so that changing them never
recompiles) is one graph; otherwise the forward pass and loss are one graph
(autograd compiles the backward with it) and the update rule another where it
can be.  ``evaluate`` and ``predict`` compile their forward pass (and loss)
too, as Keras' jit-compiled test and predict functions.  The metrics run
eagerly.  If compilation fails, ``fit`` warns once
and trains eagerly (Keras would raise).  ``jit_compile="auto"`` trains eagerly.  Under
a ``mixed_float16`` model policy ``compile()`` wraps the optimizer in a
``LossScaleOptimizer`` (``auto_scale_loss``), and train steps scale the loss
before differentiating, as Keras.  A CUDA out-of-memory error in
``fit``/``evaluate``/``predict`` becomes ``tf.errors.ResourceExhaustedError``
naming the batch size.

Differences from Keras: ``steps_per_execution`` is recorded, but steps run
one by one (callbacks still fire once per ``steps_per_execution`` batches);
unknown loss/metric names raise at ``compile()`` rather than at the first
``fit()``.
"""

from __future__ import annotations

import contextlib
import warnings

import numpy as np
import torch

from ...data import structure
from ...distribute import keras_support as _distribution
from ...framework.global_state import PER_THREAD as _STATE
from ...framework import tree as _tree
from ...framework import device as _device
from ...framework.errors import ResourceExhaustedError
from ...framework.function import JitFunction
from ...framework.tape import GradientTape
from ...framework.tensor import TensorOperators, wrap
from ..callbacks.callback_list import CallbackList
from ..callbacks.logs import pythonify_logs
from ..metrics import Mean, Metric
from ..optimizers.loss_scale_optimizer import LossScaleOptimizer
from . import compile_utils
from .data_utils import train_validation_split, unpack_x_y_sample_weight
from .epoch_iterator import EpochIterator
from .training_session import flush_denormals, module_mode

__all__ = ["Trainer"]


def _wrap_tree(tree):
    if tree is None:
        return None
    return structure.map_structure(lambda leaf: None if leaf is None else wrap(leaf), tree)


def _as_step_data(batch):
    """``(x, y, sample_weight)`` storages -> the Tensors ``train_step`` receives (Keras'
    ``pack_x_y_sample_weight``: trailing ``None`` dropped; ``x`` alone is passed itself, a
    tuple or list ``x`` alone as a 1-tuple)."""
    x, y, sample_weight = batch
    if sample_weight is not None:
        return _wrap_tree(x), _wrap_tree(y), _wrap_tree(sample_weight)
    if y is not None:
        return _wrap_tree(x), _wrap_tree(y)
    if isinstance(x, (tuple, list)):
        return (_wrap_tree(x),)
    return _wrap_tree(x)


class _DeprecatedCompiledMetrics:
    """What Keras 3's ``model.compiled_metrics`` gives: an object with ``update_state`` only."""

    def __init__(self, model):
        self._model = model

    def update_state(self, y, y_pred, sample_weight=None):
        """Warns, then updates every metric of the model as Keras' shim does."""
        warnings.warn(
            "`model.compiled_metrics()` is deprecated. Instead, use e.g.:\n```\n"
            "for metric in self.metrics:\n    metric.update_state(y, y_pred)\n```\n",
            stacklevel=2,
        )
        for metric in self._model.metrics:
            if isinstance(metric, Mean):
                metric.update_state(y_pred, sample_weight=sample_weight)
            else:
                metric.update_state(y, y_pred, sample_weight=sample_weight)


def _storage_tree(tree):
    if tree is None:
        return None
    return structure.map_structure(
        lambda leaf: leaf._value if isinstance(leaf, TensorOperators) else leaf, tree
    )


def _to_numpy_leaf(leaf):
    return leaf.cpu().numpy() if isinstance(leaf, torch.Tensor) else np.asarray(leaf)


def _to_numpy_tree(tree):
    return _tree.map_structure(_to_numpy_leaf, tree, rules=_tree.KERAS)


def _concat_leaves(*batches):
    return torch.cat(batches) if batches[0].ndim else torch.stack(batches)


def _concat(batches):
    return _tree.map_structure(_concat_leaves, *batches, rules=_tree.KERAS)


def _output_storage(leaf):
    return leaf._value if isinstance(leaf, TensorOperators) else leaf


def _output_storages(outputs):
    """Model outputs (a Tensor, or lists/tuples/dicts of them) as the same structure of storages."""
    return _tree.map_structure(_output_storage, outputs, rules=_tree.KERAS)


class Trainer:
    """The training API of ``keras.Model`` (``compile``, ``fit``, ``evaluate``, ``predict``...)."""

    compiled = False
    optimizer = None
    loss = None
    history = None
    stop_training = False
    steps_per_execution = 1
    _compile_loss = None
    _compile_metrics = None
    _loss_tracker = None
    _run_eagerly = False
    _jit_compile = None
    _jit_step = None
    _jit_test_step = None
    _jit_predict_step = None
    _jit_whole_step = False
    _initial_epoch = None
    _fit_variables = None

    # ---------------------------------------------------------------- compile
    def compile(
        self,
        optimizer="rmsprop",
        loss=None,
        loss_weights=None,
        metrics=None,
        weighted_metrics=None,
        run_eagerly=False,
        steps_per_execution=1,
        jit_compile="auto",
        auto_scale_loss=True,
    ):
        """Configures training: the optimizer, the loss(es) with ``loss_weights``, and the metrics.

        Strings are Keras' names (``"rmsprop"``, ``"mse"``, ``"accuracy"``);
        objects and plain callables work too.  Multi-output models take a
        list (by position) or a dict (by output name) of losses/metrics.
        """
        from .. import optimizers

        optimizer = optimizers.get(optimizer)
        policy = getattr(self, "dtype_policy", None)
        if (
            auto_scale_loss
            and optimizer is not None
            and getattr(policy, "name", None) == "mixed_float16"
            and not isinstance(optimizer, LossScaleOptimizer)
        ):
            optimizer = LossScaleOptimizer(optimizer, name="loss_scale_optimizer")
        compile_utils.validate_identifiers(loss, metrics, weighted_metrics)
        if metrics is not None and not isinstance(metrics, (list, tuple, dict)):
            raise TypeError(
                "Expected `metrics` argument to be a list, tuple, or dict. Received instead: "
                "metrics=%s of type %s" % (metrics, type(metrics))
            )
        if not isinstance(steps_per_execution, int) or steps_per_execution < 1:
            raise ValueError(
                "Argument `steps_per_execution` must be a positive integer. Received: "
                "steps_per_execution=%s" % (steps_per_execution,)
            )
        output_names = self._output_names()
        self.optimizer = optimizer
        self.loss = loss
        self._compile_loss = (
            compile_utils.CompileLoss(loss, loss_weights, output_names)
            if loss is not None
            else None
        )
        self._compile_metrics = (
            compile_utils.CompileMetrics(metrics, weighted_metrics, output_names)
            if metrics is not None or weighted_metrics is not None
            else None
        )
        self._loss_tracker = compile_utils.LossTracker()
        self._run_eagerly = bool(run_eagerly)
        self._jit_compile = None if jit_compile == "auto" else bool(jit_compile)
        self._jit_step = self._jit_test_step = self._jit_predict_step = None
        self.steps_per_execution = steps_per_execution
        self.stop_training = False
        self.compiled = True
        _distribution.remember_strategy(self)

    def _output_names(self):
        """The output layers' names (Keras names per-output losses and metrics after them)."""
        names = getattr(self, "output_names", None)
        if names:
            return list(names)
        outputs = getattr(self, "outputs", None)
        if not outputs:
            return None
        names = []
        for output in outputs:
            history = getattr(output, "_keras_history", None)
            operation = history[0] if history is not None else None
            names.append(getattr(operation, "name", None))
        return names if all(names) else None

    @property
    def run_eagerly(self):
        """Whether steps run eagerly (the flag is kept for Keras code; ``True`` also disables
        ``jit_compile``)."""
        return self._run_eagerly

    @run_eagerly.setter
    def run_eagerly(self, value):
        self._run_eagerly = bool(value)

    @property
    def jit_compile(self):
        """The ``jit_compile`` setting passed to ``compile()`` (``False`` when ``"auto"``)."""
        return bool(self._jit_compile)

    @jit_compile.setter
    def jit_compile(self, value):
        self._jit_compile = bool(value)
        self._jit_step = self._jit_test_step = self._jit_predict_step = None

    def get_compile_config(self):
        """Keras' serialized ``compile()`` arguments (``{}`` when not compiled); loss and metric
        functions are serialized by name, as Keras does."""
        if not (self.compiled and getattr(self, "optimizer", None) is not None):
            return {}
        from ..saving import model_config

        return model_config.compile_config(self)

    def compile_from_config(self, config):
        """Compiles the model from :meth:`get_compile_config`'s dict (a custom ``compile()`` is
        not called: Keras warns and returns)."""
        if type(self).compile is not Trainer.compile:
            import warnings

            warnings.warn(
                "`compile()` was not called as part of model loading because the "
                "model's `compile()` method is custom. All subclassed Models that have "
                "`compile()` overridden should also override `get_compile_config()` and "
                "`compile_from_config(config)`. Alternatively, you can call `compile()` "
                "manually after loading.",
                stacklevel=2,
            )
            return
        from ..saving import model_config

        model_config.compile_from_config(self, config)

    def compiled_loss(self, y, y_pred, sample_weight=None, regularization_losses=None):
        """Keras 3's deprecated shim: warns, then returns :meth:`compute_loss` (a Tensor)."""
        warnings.warn(
            "`model.compiled_loss()` is deprecated. Instead, use "
            "`model.compute_loss(x, y, y_pred, sample_weight, training)`.",
            stacklevel=2,
        )
        return self.compute_loss(x=None, y=y, y_pred=y_pred, sample_weight=sample_weight)

    @property
    def compiled_metrics(self):
        """Keras 3's deprecated shim: ``update_state(y, y_pred, sample_weight)`` warns, then
        updates every metric of :attr:`metrics` (``Mean`` ones, the loss tracker included, with
        ``y_pred``, as Keras does)."""
        return _DeprecatedCompiledMetrics(self)

    # ---------------------------------------------------------------- metrics
    @property
    def metrics(self):
        """The loss tracker, the compiled metrics, per-output loss trackers, then metrics set as
        attributes."""
        found = []
        if self.compiled:
            found.append(self._loss_tracker)
            if self._compile_metrics is not None:
                found.append(self._compile_metrics)
            if self._compile_loss is not None:
                found.extend(m for m in self._compile_loss.metrics if m is not None)
        for value in list(vars(self).values()):
            if isinstance(value, Metric) and not any(value is m for m in found):
                found.append(value)
        return found

    @property
    def metrics_names(self):
        """The names of :attr:`metrics`."""
        return [m.name for m in self.metrics]

    def reset_metrics(self):
        """Resets the state of every metric."""
        for metric in self.metrics:
            metric.reset_state()

    def get_metrics_result(self):
        """``{name: value}`` of every metric (a dict-valued result is merged in)."""
        results = {}
        for metric in self.metrics:
            value = metric.result()
            if isinstance(value, dict):
                results.update(value)
            else:
                results[metric.name] = value
        return results

    # -------------------------------------------------------------- the steps
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        """The compiled loss plus the model's added losses (``self.losses``), as a Tensor."""
        total = None
        if self._compile_loss is not None:
            total = self._compile_loss.total(_storage_tree(y), y_pred, sample_weight)
        for extra in self.losses:
            value = extra._value if isinstance(extra, TensorOperators) else torch.as_tensor(extra)
            total = value if total is None else total + value
        if total is None:
            raise ValueError("No loss to compute. Provide a `loss` argument in `compile()`.")
        return wrap(total)

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        """Updates the compiled metrics with one batch and returns :meth:`get_metrics_result`."""
        self._update_compiled_metrics(y, y_pred, sample_weight)
        return self.get_metrics_result()

    def _update_compiled_metrics(self, y, y_pred, sample_weight):
        if self._compile_metrics is not None:
            with torch.no_grad():
                self._compile_metrics.update_state(
                    _storage_tree(y), y_pred, _storage_tree(sample_weight)
                )

    def _track_loss(self, loss, x):
        batch = structure.flatten(x)[0]
        self._loss_tracker.add(loss, batch.shape[0] if batch is not None and batch.ndim else 1)

    def _variables_to_train(self):
        return self._fit_variables if self._fit_variables is not None else self.trainable_variables

    def _default_train_step(self, data):
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        with GradientTape(watch_accessed_variables=False):
            y_pred = self(x, training=True)
            loss = self.compute_loss(
                x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=True
            )._value
        self._finish_train_step(loss, x, y, y_pred, sample_weight)

    def _finish_train_step(self, loss, x, y, y_pred, sample_weight):
        """Tracks the loss, differentiates the (scaled) loss, applies the update, updates the
        metrics."""
        self._track_loss(loss, _storage_tree(x))
        self._descend(loss)
        self._update_compiled_metrics(y, y_pred, sample_weight)

    def _descend(self, loss):
        """Differentiates the (scaled) loss storage and has the optimizer update the variables
        trained."""
        variables = self._variables_to_train()
        if not variables:
            warnings.warn("The model does not have any trainable weights.", stacklevel=1)
        if variables:
            optimizer = self.optimizer
            if optimizer.loss_scale_factor is not None or isinstance(optimizer, LossScaleOptimizer):
                loss = optimizer.scale_loss(loss)
            params = [v._param for v in variables]
            strategy = _STATE.distribute_strategy
            if strategy is None or not strategy._all_reducing:
                optimizer.apply(torch.autograd.grad(loss, params, allow_unused=True), variables)
                return
            grads = strategy._gradients(loss, params)  # all-reduced during backward
            try:
                optimizer.apply(grads, variables)
            finally:
                strategy._reduced_in_backward = False

    def _forward_and_loss(self, x, y, sample_weight, training=True):
        """Storages in, ``(loss, outputs)`` storages out: what ``jit_compile`` compiles."""
        x = _wrap_tree(x)
        y_pred = self(x, training=training)
        loss = self.compute_loss(
            x=x,
            y=_wrap_tree(y),
            y_pred=y_pred,
            sample_weight=_wrap_tree(sample_weight),
            training=training,
        )._value
        return loss, _output_storages(y_pred)

    def _evaluation_forward_and_loss(self, x, y, sample_weight):
        """``_forward_and_loss`` in inference mode: what ``jit_compile`` compiles for
        ``evaluate``."""
        return self._forward_and_loss(x, y, sample_weight, training=False)

    def _inference_outputs(self, x):
        """Storages in, output storages out, in inference mode: what ``jit_compile`` compiles for
        ``predict``."""
        return _output_storages(self(_wrap_tree(x), training=False))

    def _jit_compiled(self, attribute, python_function, what, trace_autograd=False):
        """The JitFunction kept in ``attribute`` (made on first use), for ``jit_compile=True``."""
        step = getattr(self, attribute)
        if step is None:
            step = JitFunction(
                python_function,
                "the %s of model %r" % (what, self.name),
                trace_autograd=trace_autograd,
                static_shapes=True,
            )
            setattr(self, attribute, step)
        return step

    def _jit_test_step_on(self, batch):
        """The default test step with the forward pass and loss compiled (``jit_compile=True``)."""
        x, y, sample_weight = batch
        if self._compile_loss is not None and not self._compile_loss.built:
            self._default_test_step(
                _as_step_data(batch)
            )  # resolves the losses once, outside the graph
            return
        step = self._jit_compiled("_jit_test_step", self._evaluation_forward_and_loss, "test step")
        loss, y_pred = step(x, y, sample_weight)
        self._track_loss(loss, x)
        self._update_compiled_metrics(_wrap_tree(y), _wrap_tree(y_pred), _wrap_tree(sample_weight))

    def _forward_backward_update(self, x, y, sample_weight):
        """Storages in: the forward pass, loss, gradients and optimizer update of one step (what
        ``jit_compile`` compiles as one graph); returns ``(loss, outputs)`` detached."""
        with GradientTape(watch_accessed_variables=False):
            loss, y_pred = self._forward_and_loss(x, y, sample_weight)
        self._descend(loss)
        return loss.detach(), structure.map_structure(torch.Tensor.detach, y_pred)

    def _jit_train_step(self, batch):
        """The default train step compiled (``jit_compile=True``): forward, loss, gradients and the
        update in one graph when the optimizer's update is capturable
        (:meth:`_forward_backward_update`);
        otherwise the forward pass and loss in one graph, and ``fit`` has the optimizer compile its
        update."""
        if self._compile_loss is not None and not self._compile_loss.built:
            self._default_train_step(
                _as_step_data(batch)
            )  # resolves the losses once, outside the graph
            return
        x, y, sample_weight = batch
        if self._jit_step is None:
            self._jit_whole_step = (
                bool(self._variables_to_train()) and self.optimizer._capturable_apply
            )
        if self._jit_whole_step:
            step = self._jit_compiled(
                "_jit_step", self._forward_backward_update, "train step", trace_autograd=True
            )
            loss, y_pred = step(x, y, sample_weight)
            self._track_loss(loss, x)
            self._update_compiled_metrics(
                _wrap_tree(y), _wrap_tree(y_pred), _wrap_tree(sample_weight)
            )
            return
        step = self._jit_compiled("_jit_step", self._forward_and_loss, "train step")
        with GradientTape(watch_accessed_variables=False):
            loss, y_pred = step(x, y, sample_weight)
        self.optimizer._set_jit_compile(
            step.compiled
        )  # compiled only after the step compiled: one warning at most
        self._finish_train_step(
            loss, x, _wrap_tree(y), _wrap_tree(y_pred), _wrap_tree(sample_weight)
        )

    def train_step(self, data):
        """One training step on ``data`` (``(x, y)`` or ``(x, y, sample_weight)``); returns the
        logs dict."""
        self._default_train_step(data)
        return self.get_metrics_result()

    def _default_test_step(self, data):
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        y_pred = self(x, training=False)
        loss = self.compute_loss(
            x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=False
        )._value
        self._track_loss(loss, _storage_tree(x))
        self._update_compiled_metrics(y, y_pred, sample_weight)

    def test_step(self, data):
        """One evaluation step; returns the logs dict."""
        self._default_test_step(data)
        return self.get_metrics_result()

    def predict_step(self, data):
        """The model's outputs for one batch ``data`` (``(x,)``)."""
        x, _, _ = unpack_x_y_sample_weight(data)
        return self(x, training=False)

    def _uses_default(self, name):
        return getattr(type(self), name) is getattr(Trainer, name)

    # -------------------------------------------------------------------- fit
    def _assert_compiled(self):
        if not self.compiled:
            raise ValueError("You must call `compile()` before using the model.")
        if self._compile_metrics is not None:
            self._compile_metrics.check_identifiers()

    def _device(self):
        for param in self.parameters():
            return param.device
        return _device.current()

    def fit(
        self,
        x=None,
        y=None,
        batch_size=None,
        epochs=1,
        verbose="auto",
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        class_weight=None,
        sample_weight=None,
        initial_epoch=0,
        steps_per_epoch=None,
        validation_steps=None,
        validation_batch_size=None,
        validation_freq=1,
    ):
        """Trains for ``epochs`` epochs; returns the ``History`` callback.

        ``x`` may be arrays/Tensors (or lists/dicts of them, with ``y``), a
        ``tf.data.Dataset``, a ``torch.utils.data.DataLoader``, a generator
        or a ``keras.utils.PyDataset``.  ``validation_split`` holds out the
        last fraction of array data; ``validation_data`` is ``(x_val, y_val)``
        or a dataset.
        """
        self._assert_compiled()
        if not 0.0 <= float(validation_split) < 1.0:
            raise ValueError(
                "Argument `validation_split` must be a float in [0, 1). Received: "
                "validation_split=%s. Pass e.g. `validation_split=0.2` to hold out the last 20%% "
                "of the data." % (validation_split,)
            )
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = train_validation_split(
                (x, y, sample_weight), validation_split
            )
        if validation_data is not None:
            validation_data = unpack_x_y_sample_weight(validation_data)
        device = self._device()
        iterator = EpochIterator(
            x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight, device
        )
        distributed = _distribution.for_model(self)  # None: one replica
        if distributed is not None:
            iterator = distributed.shard(iterator)
        callbacks = CallbackList(
            callbacks,
            add_history=True,
            add_progbar=verbose != 0,
            model=self,
            verbose=verbose,
            epochs=epochs,
            steps=iterator.num_batches,
        )
        if distributed is not None:
            callbacks = distributed.callbacks(callbacks)
        val_iterator = None
        fast = self._uses_default("train_step")
        jit = fast and bool(self._jit_compile) and not self._run_eagerly
        if not jit and self.optimizer is not None:
            self.optimizer._set_jit_compile(False)
        self.stop_training = False
        self._fit_variables = None
        callbacks.on_train_begin()
        training_logs = None
        logs = {}
        period = self.steps_per_execution
        initial_epoch = self._initial_epoch or initial_epoch
        batch = None
        try:
            with (
                flush_denormals(),
                _distributing(distributed),
                _raising_out_of_memory("fit", lambda: batch),
            ):
                for epoch in range(initial_epoch, epochs):
                    self.reset_metrics()
                    callbacks.on_epoch_begin(epoch)
                    stepped = False
                    with module_mode(self, True):
                        for step, batch in iterator:
                            stepped = True
                            if self._fit_variables is None and fast:
                                if not self.built:
                                    self._build_on(batch)
                                self._fit_variables = self.trainable_variables
                            logs = self._run_batch(
                                "train", step, batch, iterator, period, fast, jit, callbacks
                            )
                            if self.stop_training:
                                break
                    epoch_logs = (
                        dict(self.get_metrics_result() if fast else self._metrics_or_logs(logs))
                        if stepped
                        else {}  # Keras: an epoch without a step logs nothing
                    )
                    if validation_data is not None and self._should_validate(
                        epoch, validation_freq
                    ):
                        if val_iterator is None:
                            val_x, val_y, val_sample_weight = validation_data
                            val_iterator = EpochIterator(
                                val_x,
                                val_y,
                                val_sample_weight,
                                validation_batch_size or batch_size,
                                validation_steps,
                                False,
                                None,
                                device,
                            )
                            if distributed is not None:
                                val_iterator = distributed.shard(val_iterator)
                        val_logs = self._run_evaluation(val_iterator, callbacks)
                        epoch_logs.update(
                            {"val_" + name: value for name, value in val_logs.items()}
                        )
                    callbacks.on_epoch_end(epoch, epoch_logs)
                    training_logs = epoch_logs
                    if self.stop_training:
                        break
        finally:
            self._fit_variables = None
            self._initial_epoch = None
        if self.optimizer is not None and epochs > 0:
            self.optimizer.finalize_variable_values(self.trainable_weights)  # use_ema: the averages
        callbacks.on_train_end(logs=training_logs)
        return self.history

    def _build_on(self, batch):
        with torch.no_grad():
            self(_wrap_tree(batch[0]), training=False)

    def _metrics_or_logs(self, logs):
        results = self.get_metrics_result()
        if isinstance(logs, dict) and set(logs) == set(results):
            return results
        return logs

    @staticmethod
    def _should_validate(epoch, validation_freq):
        epoch += 1
        if isinstance(validation_freq, int):
            return epoch % validation_freq == 0
        if isinstance(validation_freq, (list, tuple)):
            return epoch in validation_freq
        raise ValueError(
            "Expected `validation_freq` to be a list or int. Received: validation_freq=%s of the "
            "type %s." % (validation_freq, type(validation_freq))
        )

    def _run_batch(self, kind, step, batch, iterator, period, fast, jit, callbacks):
        """One ``kind`` (``"train"``/``"test"``) batch of ``fit``/``evaluate`` between its
        batch callbacks (every ``period`` = ``steps_per_execution`` steps, and the last one).

        A user-defined step's logs are returned; on the default step (compiled with ``jit``)
        the metrics getter, which the batch-end callbacks call only when they read the logs."""
        if step % period == 0:
            getattr(callbacks, "on_%s_batch_begin" % kind)(step)
        report = (step + 1) % period == 0 or step + 1 == iterator.num_batches
        if not fast:
            logs = getattr(self, kind + "_step")(_as_step_data(batch))
        else:
            if jit:
                (self._jit_train_step if kind == "train" else self._jit_test_step_on)(batch)
            else:
                getattr(self, "_default_%s_step" % kind)(_as_step_data(batch))
            logs = self.get_metrics_result
        if report:
            getattr(callbacks, "on_%s_batch_end" % kind)(step, logs)
        return logs

    # --------------------------------------------------------------- evaluate
    def _run_evaluation(self, iterator, callbacks):
        fast = self._uses_default("test_step")
        jit = fast and bool(self._jit_compile) and not self._run_eagerly
        self.reset_metrics()
        callbacks.on_test_begin()
        logs = {}
        period = self.steps_per_execution
        batch = None
        with (
            flush_denormals(),
            module_mode(self, False),
            torch.no_grad(),
            _raising_out_of_memory("evaluate", lambda: batch),
        ):
            for step, batch in iterator:
                logs = self._run_batch("test", step, batch, iterator, period, fast, jit, callbacks)
        if batch is not None:  # Keras: an evaluation without a step gives no results
            logs = pythonify_logs(
                self.get_metrics_result() if fast else self._metrics_or_logs(logs)
            )
        callbacks.on_test_end(logs)
        return logs

    def evaluate(
        self,
        x=None,
        y=None,
        batch_size=None,
        verbose="auto",
        sample_weight=None,
        steps=None,
        callbacks=None,
        return_dict=False,
        **kwargs,
    ):
        """The loss and metrics on the given data: a float without metrics, else ``[loss,
        *metrics]``
        (``return_dict=True``: ``{name: value}``)."""
        if kwargs:
            raise ValueError("Arguments not recognized: %s" % (kwargs,))
        self._assert_compiled()
        iterator = EpochIterator(
            x, y, sample_weight, batch_size, steps, False, None, self._device()
        )
        distributed = _distribution.for_model(self)  # None: one replica
        if distributed is not None:
            iterator = distributed.shard(iterator)
        callbacks = self._one_epoch_callbacks(callbacks, verbose, iterator)
        with _distributing(distributed):
            if distributed is not None:
                callbacks = distributed.callbacks(callbacks)
            logs = self._run_evaluation(iterator, callbacks)
        if return_dict:
            return logs
        return self._flatten_in_order(logs)

    def _one_epoch_callbacks(self, callbacks, verbose, iterator):
        """The ``CallbackList`` of ``evaluate``/``predict``: one epoch of ``iterator``'s
        batches, with a progress bar unless ``verbose=0``."""
        return CallbackList(
            callbacks,
            add_progbar=verbose != 0,
            model=self,
            verbose=verbose,
            epochs=1,
            steps=iterator.num_batches,
        )

    def _flatten_in_order(self, logs):
        names = []
        for metric in self.metrics:
            if isinstance(metric, compile_utils.CompileMetrics):
                names.extend(metric.unprefixed_names())
            else:
                names.append(metric.name)
        results = [logs[name] for name in names if name in logs]
        results.extend(logs[key] for key in sorted(logs) if key not in names)
        return results[0] if len(results) == 1 else results

    # ---------------------------------------------------------------- predict
    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        """The model's outputs for ``x`` as NumPy arrays (lists/dicts for several outputs), batch
        by batch."""
        iterator = EpochIterator(x, None, None, batch_size, steps, False, None, self._device())
        distributed = _distribution.for_model(self)  # None: one replica
        if distributed is not None:
            iterator = distributed.shard(iterator)
        callbacks = self._one_epoch_callbacks(callbacks, verbose, iterator)
        fast = self._uses_default("predict_step")
        jit = fast and bool(self._jit_compile) and not self._run_eagerly and self.built
        outputs = []
        callbacks.on_predict_begin()
        grad_mode = torch.inference_mode() if self.built and not jit else torch.no_grad()
        batch = None
        with (
            flush_denormals(),
            module_mode(self, False),
            grad_mode,
            _distributing(distributed),
            _raising_out_of_memory("predict", lambda: batch),
        ):
            for step, batch in iterator:
                callbacks.on_predict_batch_begin(step)
                if jit:
                    batch_outputs = self._jit_compiled(
                        "_jit_predict_step", self._inference_outputs, "predict step"
                    )(batch[0])
                else:
                    data = _as_step_data((batch[0], None, None))
                    outputs_now = (
                        self(_wrap_tree(batch[0]), training=False)
                        if fast
                        else self.predict_step(data)
                    )
                    batch_outputs = _output_storages(outputs_now)
                if distributed is not None:
                    batch_outputs = distributed.gather(batch_outputs)
                outputs.append(batch_outputs)
                callbacks.on_predict_batch_end(
                    step, lambda outputs=batch_outputs: {"outputs": outputs}
                )
        callbacks.on_predict_end()
        if not outputs:  # Keras 3 reads its last batch's outputs, which no batch set
            raise UnboundLocalError(
                "cannot access local variable 'batch_outputs' where it is not associated with a "
                "value"
            )
        return _to_numpy_tree(_concat(outputs))

    # ---------------------------------------------------------- on one batch
    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None, return_dict=False):
        """One training step on one batch; returns the (running) loss and metrics."""
        self._assert_compiled()
        batch = next(
            iter(
                EpochIterator(
                    x, y, sample_weight, _rows(x), None, False, class_weight, self._device()
                )
            )
        )[1]
        self.reset_metrics()
        with flush_denormals(), module_mode(self, True):
            logs = self.train_step(_as_step_data(batch))
        return self._batch_result(logs, return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """The loss and metrics on one batch."""
        self._assert_compiled()
        batch = next(
            iter(EpochIterator(x, y, sample_weight, _rows(x), None, False, None, self._device()))
        )[1]
        self.reset_metrics()
        with flush_denormals(), module_mode(self, False), torch.no_grad():
            logs = self.test_step(_as_step_data(batch))
        return self._batch_result(logs, return_dict)

    def predict_on_batch(self, x):
        """The model's outputs for one batch, as NumPy."""
        batch = next(
            iter(EpochIterator(x, None, None, _rows(x), None, False, None, self._device()))
        )[1]
        with flush_denormals(), module_mode(self, False), torch.no_grad():
            outputs = self.predict_step(_as_step_data((batch[0], None, None)))
        return _to_numpy_tree(_output_storages(outputs))

    def _batch_result(self, logs, return_dict):
        logs = pythonify_logs(self._metrics_or_logs(logs))
        return logs if return_dict else self._flatten_in_order(logs)


def _out_of_memory(error, phase, batch):
    """``tf.errors.ResourceExhaustedError`` for a device out-of-memory ``error`` in ``phase`` on
    ``batch``."""
    leaves = (
        [] if batch is None else [leaf for leaf in structure.flatten(batch[0]) if leaf is not None]
    )
    size = (
        "batch size %d" % leaves[0].shape[0]
        if leaves and leaves[0].ndim
        else "an unknown batch size"
    )
    detail = str(error).strip().splitlines()
    return ResourceExhaustedError(
        None,
        None,
        "OOM in %s() with %s: %s Try a smaller `batch_size`."
        % (phase, size, detail[0] if detail else "out of memory."),
    )


@contextlib.contextmanager
def _raising_out_of_memory(phase, current_batch):
    """Turns ``torch.OutOfMemoryError`` inside the block into :func:`_out_of_memory`'s error."""
    try:
        yield
    except torch.OutOfMemoryError as error:
        raise _out_of_memory(error, phase, current_batch()) from error


def _distributing(distributed):
    """``distributed.running()`` (a ``tf.distribute`` run on several replicas), else nothing."""
    return contextlib.nullcontext() if distributed is None else distributed.running()


def _rows(x):
    leaves = [
        leaf
        for leaf in structure.flatten(x if not isinstance(x, list) else tuple(x))
        if leaf is not None
    ]
    return max(1, len(leaves[0])) if leaves else 1
