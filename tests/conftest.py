import sys
from pathlib import Path

# The ratchet helpers live beside the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))
