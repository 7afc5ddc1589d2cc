package io.github.authschema.report;

import io.github.authschema.catalog.DeleteEdge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delete graph as an inline SVG: auth.users on the left, each table in the column of its
 * distance from it, an arrow per foreign key labelled with its ON DELETE action; an edge that
 * blocks the delete is red. No scripts, no fonts to fetch.
 */
final class DeleteGraphSvg {
    private static final int COLUMN = 260;
    private static final int ROW = 46;
    private static final int BOX_W = 170;
    private static final int BOX_H = 26;

    private DeleteGraphSvg() {
    }

    static String render(List<DeleteEdge> edges) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put("auth.users", 0);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DeleteEdge e : edges) {
                // an edge runs from the referenced table (deleted first) to the referencing one
                Integer from = depth.get(e.from());
                if (from != null && !depth.containsKey(e.to()) && from < edges.size()) {
                    depth.put(e.to(), from + 1);
                    grew = true;
                }
            }
        }
        for (DeleteEdge e : edges) {
            depth.putIfAbsent(e.from(), 0);
            depth.putIfAbsent(e.to(), depth.get(e.from()) + 1);
        }
        Map<Integer, List<String>> columns = new LinkedHashMap<>();
        depth.forEach((node, d) -> columns.computeIfAbsent(d, k -> new ArrayList<>()).add(node));
        Map<String, int[]> at = new LinkedHashMap<>();
        int rows = 1;
        for (Map.Entry<Integer, List<String>> column : columns.entrySet()) {
            for (int i = 0; i < column.getValue().size(); i++) {
                at.put(column.getValue().get(i), new int[] {10 + column.getKey() * COLUMN, 10 + i * ROW});
            }
            rows = Math.max(rows, column.getValue().size());
        }
        int width = 20 + columns.size() * COLUMN;
        int height = 20 + rows * ROW;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"What deleting a user touches\" ")
                .append("width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                        + "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"context-stroke\"/></marker></defs>\n");
        for (DeleteEdge e : edges) {
            int[] a = at.get(e.from());
            int[] b = at.get(e.to());
            int x1 = a[0] + BOX_W;
            int y1 = a[1] + BOX_H / 2;
            int x2 = b[0];
            int y2 = b[1] + BOX_H / 2;
            if (x2 <= x1) { // a link back or within a column: from the box's bottom
                x1 = a[0] + BOX_W / 2;
                y1 = a[1] + BOX_H;
                x2 = b[0] + BOX_W / 2;
                y2 = b[1];
            }
            String colour = e.blocked() ? "#c00" : "#555";
            svg.append("<g><title>").append(HtmlReport.esc(e.constraint() + ": deleting from " + e.from() + " does " + e.action() + " on " + e.to()))
                    .append("</title><line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"")
                    .append(y2).append("\" stroke=\"").append(colour).append("\" stroke-width=\"").append(e.blocked() ? 2 : 1)
                    .append("\" marker-end=\"url(#arrow)\"/><text x=\"").append((x1 + x2) / 2).append("\" y=\"").append((y1 + y2) / 2 - 4)
                    .append("\" text-anchor=\"middle\" fill=\"").append(colour).append("\">").append(HtmlReport.esc(e.action().toLowerCase()))
                    .append("</text></g>\n");
        }
        at.forEach((node, p) -> svg.append("<g><rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(BOX_W)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"4\" fill=\"").append(node.equals("auth.users") ? "#eef3ff" : "#f7f7f7")
                .append("\" stroke=\"#888\"/><text x=\"").append(p[0] + BOX_W / 2).append("\" y=\"").append(p[1] + 17)
                .append("\" text-anchor=\"middle\">").append(HtmlReport.esc(node.length() > 26 ? node.substring(0, 25) + "…" : node))
                .append("</text></g>\n"));
        return svg.append("</svg>\n").toString();
    }
}
