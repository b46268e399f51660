"""Database back ends with the timeouts a frozen or unreachable database needs."""
