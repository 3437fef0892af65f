package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.UsageView;
import java.util.ArrayList;
import java.util.List;

/** A small bar chart drawn as SVG by the page itself: no script, nothing from elsewhere. */
public final class Chart {

    static final int HEIGHT = 60;
    static final int BAR_WIDTH = 10;
    static final int GAP = 2;

    private Chart() {
    }

    public record Bar(int x, int y, int height, String label) {
    }

    static List<Bar> bars(UsageView usage) {
        long busiest = usage.days().stream().mapToLong(UsageView.Day::authentications).max().orElse(0);
        var bars = new ArrayList<Bar>();
        int x = 0;
        for (var day : usage.days()) {
            int height = busiest == 0 ? 0 : (int) Math.max(day.authentications() > 0 ? 2 : 0, day.authentications() * HEIGHT / busiest);
            bars.add(new Bar(x, HEIGHT - height, height, day.date() + ": " + day.authentications() + " authentication"
                    + (day.authentications() == 1 ? "" : "s")));
            x += BAR_WIDTH + GAP;
        }
        return bars;
    }
}
