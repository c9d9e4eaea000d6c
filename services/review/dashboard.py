"""The dashboard page's numbers over time and their SVG charts.

``Snapshot`` and ``line_chart`` are pure: a snapshot is taken from the same projection the
Prometheus collector reads (``services.review.metrics``), so the page and Grafana agree; the chart
is plain SVG markup with no script and nothing fetched. ``Sampler`` is the shell that records a
snapshot every few seconds.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from statistics import median

from markupsafe import Markup, escape

from schemas.events import VERDICTS
from services.review.constants import DASHBOARD_POINTS, DASHBOARD_SAMPLE_SECONDS
from services.review.projection import ReviewProjection
from services.review.queue import agreement_by_kind, queue_depth, verdict_distribution

COLOURS = {"contested": "#c0392b", "single_source": "#d68910", "corroborated": "#1e8449",
           "unverified": "#7f8c8d", "queue depth": "#2c3e50", "decisions": "#2874a6"}


@dataclass(frozen=True)
class Snapshot:
    at: float
    queue_depth: int
    verdicts: dict[str, int]
    decisions: int
    agreement: dict[str, tuple[int, int]]
    events: dict[str, int]
    dead_letters: dict[str, int]
    latency_median_s: float | None
    latency_max_s: float | None


def snapshot(projection: ReviewProjection, at: float) -> Snapshot:
    views = projection.views()
    latencies = list(projection.article_to_verdict_seconds().values())
    return Snapshot(
        at=at,
        queue_depth=queue_depth(views),
        verdicts=verdict_distribution(views),
        decisions=projection.counts.get("DecisionRecorded", 0),
        agreement=agreement_by_kind(views),
        events=dict(projection.counts),
        dead_letters={f"{stage}/{error}": n for (stage, error), n in sorted(projection.dead_letters.items())},
        latency_median_s=median(latencies) if latencies else None,
        latency_max_s=max(latencies) if latencies else None,
    )


@dataclass
class History:
    points: deque = field(default_factory=lambda: deque(maxlen=DASHBOARD_POINTS))

    def series(self, name: str) -> list[tuple[float, float]]:
        pick = {"queue depth": lambda s: s.queue_depth, "decisions": lambda s: s.decisions}
        value = pick.get(name) or (lambda s: s.verdicts.get(name, 0))
        return [(s.at, float(value(s))) for s in self.points]


class Sampler(threading.Thread):
    """Appends a snapshot of the store's projection to ``history`` every few seconds."""

    def __init__(self, store, history: History, stop: threading.Event,
                 interval_s: float = DASHBOARD_SAMPLE_SECONDS) -> None:
        super().__init__(name="review-dashboard", daemon=True)
        self.store, self.history, self.stop, self.interval_s = store, history, stop, interval_s

    def run(self) -> None:
        # Sampling starts once the replay is done, so a restart does not draw a ramp from zero.
        while not self.store.caught_up.wait(0.5):
            if self.stop.is_set():
                return
        while True:
            self.history.points.append(self.store.read(lambda p: snapshot(p, time.time())))
            if self.stop.wait(self.interval_s):
                return


def line_chart(series: dict[str, list[tuple[float, float]]], *, title: str,
               width: int = 520, height: int = 180) -> Markup:
    """An SVG line chart of each series over time, with a legend; labels escaped."""
    pad_l, pad_b, pad_t = 40, 22, 24
    points = [p for values in series.values() for p in values]
    t0 = min((t for t, _ in points), default=0.0)
    t1 = max((t for t, _ in points), default=1.0)
    top = max((v for _, v in points), default=1.0) or 1.0
    span = (t1 - t0) or 1.0

    def xy(t: float, v: float) -> str:
        x = pad_l + (t - t0) / span * (width - pad_l - 10)
        y = height - pad_b - v / top * (height - pad_b - pad_t)
        return f"{x:.1f},{y:.1f}"

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" aria-label="{escape(title)}">',
             f'<text x="{pad_l}" y="14" class="chart-title">{escape(title)}</text>',
             f'<line x1="{pad_l}" y1="{height - pad_b}" x2="{width - 10}" y2="{height - pad_b}" stroke="#999"/>',
             f'<text x="4" y="{pad_t + 8}" class="chart-axis">{top:g}</text>',
             f'<text x="4" y="{height - pad_b}" class="chart-axis">0</text>']
    for i, (name, values) in enumerate(series.items()):
        colour = COLOURS.get(name, "#555")
        if len(values) == 1:
            values = values * 2
        if values:
            path = " ".join(xy(t, v) for t, v in values)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        lx = pad_l + i * 120
        parts.append(f'<rect x="{lx}" y="{height - 12}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 14}" y="{height - 3}" class="chart-axis">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def charts(history: History) -> list[Markup]:
    return [
        line_chart({v: history.series(v) for v in VERDICTS}, title="Verdicts in force"),
        line_chart({"queue depth": history.series("queue depth"), "decisions": history.series("decisions")},
                   title="Queue depth and reviewer decisions"),
    ]
