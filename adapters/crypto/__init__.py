"""Crypto room: the field cipher (AES-GCM per value, key id stored with it) and the keyed index."""
