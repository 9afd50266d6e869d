/// The page's one inline script (hashed into the Content-Security-Policy). It only moves what
/// the page already holds: the tab, the flow and the theme shown, pan and zoom, the highlight of
/// a finding's targets, and — for a live server — `window.batonApply(fragments)`, which swaps
/// in new `PageFragments`. Every listener is delegated from the document, so swapped-in HTML
/// works without re-binding, and nothing is ever evaluated from data.
enum PageScript {
    static let javascript = """

        (function () {
          "use strict";
          var doc = document, root = doc.documentElement, views = {}, active = null;
          function $(id) { return doc.getElementById(id); }
          function each(list, f) { for (var i = 0; i < list.length; i++) f(list[i], i); }

          function setTheme(name) {
            root.setAttribute("data-theme", name);
            var button = $("baton-theme");
            if (button) button.setAttribute("aria-pressed", name === "dark" ? "true" : "false");
          }

          function state(name) { return views[name] || (views[name] = { s: 1, x: 0, y: 0, fitted: false }); }
          function place(name) {
            var canvas = $("baton-" + name), st = state(name);
            if (canvas) canvas.style.transform = "translate(" + st.x + "px," + st.y + "px) scale(" + st.s + ")";
          }
          function shown(canvas) {
            var found = null;
            each(canvas.querySelectorAll(".baton-diagram"), function (d) { if (!found && d.getClientRects().length) found = d; });
            return found;
          }
          function fit(name) {
            var canvas = $("baton-" + name), st = state(name);
            if (!canvas) return;
            var viewport = canvas.parentNode, diagram = shown(canvas), width = viewport.clientWidth;
            if (!diagram || !width) return;
            st.s = Math.min(1, (width - 16) / Math.max(1, diagram.offsetWidth));
            st.x = Math.max(8, (width - diagram.offsetWidth * st.s) / 2);
            st.y = 8;
            st.fitted = true;
            place(name);
          }
          function zoom(name, factor, cx, cy) {
            var st = state(name), s = Math.min(8, Math.max(0.1, st.s * factor));
            factor = s / st.s;
            st.x = cx - (cx - st.x) * factor;
            st.y = cy - (cy - st.y) * factor;
            st.s = s;
            place(name);
          }
          function viewOf(element) {
            var view = element.closest(".baton-view");
            return view ? view.getAttribute("data-view") : null;
          }

          function showView(name) {
            each(["sequence", "graph"], function (v) {
              var tab = $("baton-tab-" + v), panel = $("baton-view-" + v), on = v === name;
              if (!tab || !panel) return;
              tab.setAttribute("aria-selected", on ? "true" : "false");
              tab.tabIndex = on ? 0 : -1;
              panel.hidden = !on;
            });
            if (!state(name).fitted) fit(name);
          }

          function setFlow(index) {
            var canvas = $("baton-sequence"), key = String(index), found = false;
            if (!canvas) return false;
            var diagrams = canvas.querySelectorAll(".baton-diagram[data-flow]");
            each(diagrams, function (d) { if (d.getAttribute("data-flow") === key) found = true; });
            if (!found) return false;
            each(diagrams, function (d) { d.classList.toggle("baton-current", d.getAttribute("data-flow") === key); });
            var select = $("baton-flow");
            if (select) select.value = key;
            return true;
          }
          function currentFlow() {
            var canvas = $("baton-sequence"), current = canvas && canvas.querySelector(".baton-diagram.baton-current[data-flow]");
            return current ? current.getAttribute("data-flow") : null;
          }

          function ids(item, name) {
            return (item.getAttribute(name) || "").split(" ").filter(function (n) { return /^[0-9]+$/.test(n); });
          }
          function selector(item) {
            var list = [];
            each(ids(item, "data-interactions"), function (n) { list.push('[data-interaction="' + n + '"]', '[data-interactions~="' + n + '"]'); });
            each(ids(item, "data-participants"), function (n) { list.push('[data-participant="' + n + '"]'); });
            return list.join(",");
          }
          function clearHighlight() {
            each(doc.querySelectorAll(".baton-highlight"), function (e) { e.classList.remove("baton-highlight"); });
            if (active) {
              var button = active.querySelector("button");
              if (button) button.setAttribute("aria-pressed", "false");
            }
            active = null;
          }
          function highlight(item) {
            var again = item === active;
            clearHighlight();
            if (again) return;
            active = item;
            var button = item.querySelector("button");
            if (button) button.setAttribute("aria-pressed", "true");
            var query = selector(item);
            if (!query) return;
            each(["baton-sequence", "baton-graph"], function (id) {
              var canvas = $(id);
              if (canvas) each(canvas.querySelectorAll(query), function (e) { e.classList.add("baton-highlight"); });
            });
            var sequence = $("baton-sequence"), current = sequence && sequence.querySelector(".baton-diagram.baton-current");
            if (current && !current.querySelector(".baton-highlight")) {
              var other = sequence.querySelector(".baton-diagram[data-flow] .baton-highlight");
              if (other) setFlow(other.closest(".baton-diagram").getAttribute("data-flow"));
            }
          }

          window.batonApply = function (fragments) {
            var x = window.scrollX, y = window.scrollY, flow = currentFlow();
            if (typeof fragments.title === "string") {
              var title = $("baton-title");
              if (title) title.textContent = fragments.title;
              doc.title = fragments.title;
            }
            each(["banner", "flows", "sequence", "graph", "findings", "metrics"], function (name) {
              var container = $("baton-" + name);
              if (container && typeof fragments[name] === "string") container.innerHTML = fragments[name];
            });
            active = null;
            if (flow === null || !setFlow(flow)) { var next = currentFlow(); if (next !== null) setFlow(next); }
            each(["sequence", "graph"], function (name) { if (state(name).fitted) place(name); else fit(name); });
            window.scrollTo(x, y);
          };

          doc.addEventListener("click", function (event) {
            var target = event.target;
            if (!(target instanceof Element)) return;
            var finding = target.closest("#baton-findings .baton-finding > button");
            if (finding) { highlight(finding.parentNode); return; }
            var tab = target.closest('[role="tab"][data-view]');
            if (tab) { showView(tab.getAttribute("data-view")); return; }
            if (target.closest("#baton-theme")) { setTheme(root.getAttribute("data-theme") === "dark" ? "light" : "dark"); return; }
            var button = target.closest("button[data-zoom]");
            if (button) {
              var name = viewOf(button), canvas = name && $("baton-" + name);
              if (!canvas) return;
              var viewport = canvas.parentNode, how = button.getAttribute("data-zoom");
              if (how === "reset") fit(name);
              else zoom(name, how === "in" ? 1.25 : 0.8, viewport.clientWidth / 2, viewport.clientHeight / 2);
            }
          });
          doc.addEventListener("change", function (event) {
            if (event.target && event.target.id === "baton-flow") setFlow(event.target.value);
          });
          doc.addEventListener("keydown", function (event) {
            var target = event.target;
            if (!(target instanceof Element) || target.getAttribute("role") !== "tab") return;
            if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
            var next = target.getAttribute("data-view") === "sequence" ? "graph" : "sequence";
            showView(next);
            var tab = $("baton-tab-" + next);
            if (tab) tab.focus();
            event.preventDefault();
          });

          each(doc.querySelectorAll(".baton-viewport"), function (viewport) {
            var drag = null;
            viewport.addEventListener("wheel", function (event) {
              var name = viewOf(viewport), rect = viewport.getBoundingClientRect();
              event.preventDefault();
              zoom(name, Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)), event.clientX - rect.left, event.clientY - rect.top);
            }, { passive: false });
            viewport.addEventListener("pointerdown", function (event) {
              if (event.button !== 0) return;
              var st = state(viewOf(viewport));
              drag = { id: event.pointerId, x: event.clientX - st.x, y: event.clientY - st.y };
              viewport.setPointerCapture(event.pointerId);
              viewport.classList.add("baton-dragging");
            });
            viewport.addEventListener("pointermove", function (event) {
              if (!drag || event.pointerId !== drag.id) return;
              var name = viewOf(viewport), st = state(name);
              st.x = event.clientX - drag.x;
              st.y = event.clientY - drag.y;
              place(name);
            });
            function stop(event) {
              if (!drag || event.pointerId !== drag.id) return;
              drag = null;
              viewport.classList.remove("baton-dragging");
            }
            viewport.addEventListener("pointerup", stop);
            viewport.addEventListener("pointercancel", stop);
          });

          if (root.hasAttribute("data-theme-auto") && window.matchMedia) {
            setTheme(window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
          } else {
            setTheme(root.getAttribute("data-theme") || "light");
          }
          var selected = doc.querySelector('[role="tab"][aria-selected="true"]');
          showView(selected ? selected.getAttribute("data-view") : "sequence");
        })();

        """
}
