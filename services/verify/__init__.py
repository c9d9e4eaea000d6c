"""The verifier: cross-references claims against independent origins (pure core, no Kafka).

``handle(event, state, producer=...)`` is the entry point; see ``handler``.
"""

from services.verify.handler import handle
from services.verify.state import VerifierState

__all__ = ["VerifierState", "handle"]
