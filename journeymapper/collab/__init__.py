"""Co-editing one journey map on many laptops, on Yjs (pycrdt).

binding.py    the map kept the same as a Y document (writing.py: local change
              sets into Y; reconcile.py + repair.py: Y back into the map, with
              the repair rules; schema.py: the Y document's shape)
history.py    per-person undo: each command undone in the Y document, only its
              own changes
server.py     a room: the Yjs websocket sync protocol (pycrdt-websocket), the
              update log (pycrdt-store), tokens, limits, saving back to the map
client.py     the network side of a peer: a worker thread with an asyncio loop
session.py    a peer: binding + network + presence, Qt-free
address.py    join addresses, tokens and join codes

No Qt here: the window's side is ui/session_ui.py and ui/participants.py.
"""
