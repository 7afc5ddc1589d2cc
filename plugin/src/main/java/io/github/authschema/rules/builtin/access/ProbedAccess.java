package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.Policy;
import io.github.authschema.simulate.TableAccess;

import java.util.List;

/** Where a finding of the access probe points: the policy that let the access through, else the table. */
final class ProbedAccess {
    private ProbedAccess() {
    }

    static Location at(Catalog catalog, TableAccess access, String policy) {
        if (policy != null) {
            for (Policy p : catalog.policiesOn(access.schema(), access.table())) {
                if (p.name().equals(policy)) {
                    return catalog.locate(p);
                }
            }
        }
        return catalog.table(access.schema(), access.table()).map(catalog::locate).orElse(Location.UNKNOWN);
    }

    static String object(TableAccess access) {
        return access.schema() + "." + access.table();
    }

    static String through(String policy) {
        return policy == null ? "." : ": policy \"" + policy + "\" lets them through.";
    }

    static String joined(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
