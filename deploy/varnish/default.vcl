# Varnish in front of the app (gunicorn), behind the TLS-terminating nginx: the edge cache of
# every portal's public pages, purged by the app on each change (core.caching.edge).
#
#   varnishd -a 127.0.0.1:6081 -f /srv/cong/deploy/varnish/default.vcl -s malloc,1g
#   app: CONG_EDGE_PURGE_URLS=http://127.0.0.1:6081
#
# What is kept: only responses the app marks as a cached page (the X-Cong-Tags header, with
# Cache-Control s-maxage), for as long as s-maxage says. Everything else passes through.
# What is dropped: a BAN from the app (an address in `purgers`) names the portal's schema
# (X-Cong-Portal) and, unless the whole portal changed, a pattern of tags (X-Cong-Ban); every
# kept page of that portal, on any of its domains, with a matching tag goes.
vcl 4.1;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 60s;
}

# Who may purge: the app's nodes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.X-Cong-Portal !~ "^[a-z0-9_]+$") {
            return (synth(400, "X-Cong-Portal"));
        }
        if (req.http.X-Cong-Ban) {
            if (req.http.X-Cong-Ban !~ "^[a-z0-9:,|()-]+$") {
                return (synth(400, "X-Cong-Ban"));
            }
            ban("obj.http.X-Cong-Portal == " + req.http.X-Cong-Portal +
                " && obj.http.X-Cong-Tags ~ " + req.http.X-Cong-Ban);
        } else {
            ban("obj.http.X-Cong-Portal == " + req.http.X-Cong-Portal);
        }
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|media|_util)/") {
        return (pass);
    }
    # No cached page reads the CSRF cookie (a page with a form is never kept): without it the
    # request can be answered here. Any other cookie (a session, messages) is a visitor the
    # app answers itself, as is a request with credentials.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)csrftoken=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;\s*", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
        }
    }
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # Pages name their own scheme (hreflang alternates): http and https are kept apart.
    hash_data(req.http.X-Forwarded-Proto);
    # Then Varnish's own: the URL and the host.
}

sub vcl_backend_response {
    if (!beresp.http.X-Cong-Tags || beresp.http.Set-Cookie ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage gives the time to live; a purge, not a grace period, ends it early.
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Cong-Tags;
    unset resp.http.X-Cong-Portal;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
