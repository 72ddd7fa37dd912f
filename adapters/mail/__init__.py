"""Outbound mail adapters: SMTP (aiosmtplib) and the development mail catcher (aiosmtpd)."""
