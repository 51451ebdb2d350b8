"""A widget whose workers' failures reach the app (Textual does not bubble worker state changes)."""

from __future__ import annotations

from textual import on
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from baiqiang.tui.messages import WorkFailed


class ReportsFailures(Widget):
    """Base of the views that run workers: a failed worker is posted up as :class:`WorkFailed`."""

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            event.stop()
            self.post_message(WorkFailed(event.worker.error))
