#include "detail/graphviz.hpp"

#include <bridgemap/error.hpp>

#include <graphviz/textspan.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

// Graphviz measures text with textspan_size() (exported by libgvc, declared in its private
// common/render.h): the same measure it uses when it draws.
extern "C" pointf textspan_size(GVC_t* context, textspan_t* span);

namespace bridgemap::viz::detail {
namespace {

// Messages reported by Graphviz while a GraphvizMessages is alive; guarded by graphviz_mutex().
std::string& collected_messages() {
    static std::string messages;
    return messages;
}

int collect_message(char* message) {
    if (message != nullptr) collected_messages() += message;
    return 0;
}

/// cgraph takes char* for strings it only reads; it copies what it keeps.
char* writable(const char* text) {
    return const_cast<char*>(text);
}

}  // namespace

std::mutex& graphviz_mutex() {
    static std::mutex mutex;
    return mutex;
}

GraphvizMessages::GraphvizMessages()
    : previous_handler_(agseterrf(collect_message)), previous_level_(agseterr(AGWARN)) {
    collected_messages().clear();
    agreseterrors();
}

GraphvizMessages::~GraphvizMessages() {
    agseterrf(previous_handler_);
    agseterr(previous_level_);
    collected_messages().clear();
}

void GraphvizMessages::check(int status, std::string_view what) const {
    if (status == 0) return;
    std::string message = "Graphviz could not ";
    message += what;
    std::string details = text();
    while (!details.empty() && (details.back() == '\n' || details.back() == ' ')) details.pop_back();
    if (!details.empty()) message += ": " + details;
    throw Error(message);
}

std::string GraphvizMessages::text() const {
    return collected_messages();
}

Context::Context() : context_(gvContext()) {
    if (context_ == nullptr) throw Error("Graphviz could not start (gvContext failed)");
}

Context::~Context() {
    gvFreeContext(context_);
}

const Context& shared_context() {
    static const Context* const context = new Context();  // never freed: see the header
    return *context;
}

Graph::Graph(const char* name) : graph_(agopen(writable(name), Agundirected, nullptr)) {
    if (graph_ == nullptr) throw Error("Graphviz could not create a graph");
}

Graph::~Graph() {
    agclose(graph_);
}

Layout::Layout(const Context& context, const Graph& graph, const char* engine, const GraphvizMessages& messages)
    : context_(context.get()), graph_(graph.get()) {
    messages.check(gvLayout(context_, graph_, engine), std::string("lay out the map with ") + engine);
}

Layout::~Layout() {
    gvFreeLayout(context_, graph_);
}

void snap_positions(const Graph& graph) {
    const auto snap = [](pointf& point) {
        point.x = std::round(point.x * 100.0) / 100.0;
        point.y = std::round(point.y * 100.0) / 100.0;
    };
    const auto snap_label = [&](textlabel_t* label) {
        if (label != nullptr) snap(label->pos);
    };
    Agraph_t* g = graph.get();
    snap(GD_bb(g).LL);
    snap(GD_bb(g).UR);
    snap_label(GD_label(g));
    for (Agnode_t* node = agfstnode(g); node != nullptr; node = agnxtnode(g, node)) {
        snap(ND_coord(node));
        snap_label(ND_label(node));
        snap_label(ND_xlabel(node));
        for (Agedge_t* edge = agfstout(g, node); edge != nullptr; edge = agnxtout(g, edge)) {
            snap_label(ED_label(edge));
            snap_label(ED_xlabel(edge));
            snap_label(ED_head_label(edge));
            snap_label(ED_tail_label(edge));
            splines* curves = ED_spl(edge);
            if (curves == nullptr) continue;
            for (int k = 0; k < curves->size; ++k) {
                bezier& curve = curves->list[k];
                for (int p = 0; p < curve.size; ++p) snap(curve.list[p]);
                snap(curve.sp);
                snap(curve.ep);
            }
        }
    }
}

RenderedData::RenderedData(const Context& context, const Graph& graph, const char* format,
                           const GraphvizMessages& messages) {
    const int status = gvRenderData(context.get(), graph.get(), format, &data_, &length_);
    if (status != 0 || data_ == nullptr) {
        if (data_ != nullptr) gvFreeRenderData(data_);
        data_ = nullptr;
        messages.check(status != 0 ? status : -1, std::string("render the map as ") + format);
    }
}

RenderedData::~RenderedData() {
    if (data_ != nullptr) gvFreeRenderData(data_);
}

Agsym_t* declare_attribute(Agraph_t* graph, int kind, const char* name, const char* default_value) {
    Agsym_t* attribute = agattr(graph, kind, writable(name), writable(default_value));
    if (attribute == nullptr) throw Error(std::string("Graphviz refused the attribute ") + name);
    return attribute;
}

void set_attribute(void* object, Agsym_t* attribute, const std::string& value) {
    if (agxset(object, attribute, writable(value.c_str())) != 0) {
        throw Error(std::string("Graphviz refused a value of the attribute ") + attribute->name);
    }
}

void set_html_attribute(Agraph_t* graph, void* object, Agsym_t* attribute, const std::string& html) {
    char* text = agstrdup_html(graph, writable(html.c_str()));
    if (text == nullptr) throw Error("Graphviz could not store a label");
    const int status = agxset(object, attribute, text);
    agstrfree(graph, text);
    if (status != 0) throw Error(std::string("Graphviz refused a value of the attribute ") + attribute->name);
}

TextSize measure_text(const Context& context, std::string_view text, double font_size) {
    // Graphviz 2.42's pango plugin keeps the last font name it measured as a pointer: the name
    // must live as long as the process.
    static char font_name[] = "DejaVu Sans";
    textfont_t font{};
    font.name = font_name;
    font.size = font_size;
    std::string copy(text);
    textspan_t span{};
    span.str = copy.data();
    span.font = &font;
    span.just = 'n';
    const pointf size = textspan_size(context.get(), &span);
    if (span.layout != nullptr && span.free_layout != nullptr) span.free_layout(span.layout);
    return {size.x, size.y};
}

std::vector<std::pair<double, double>> run_layout(const LayoutGraph& layout) {
    std::vector<std::pair<double, double>> points(layout.nodes.size(), {0.0, 0.0});
    if (layout.nodes.size() <= 1) return points;
    for (const auto& edge : layout.edges) {
        if (edge.from >= layout.nodes.size() || edge.to >= layout.nodes.size())
            throw Error("map layout has a line to a node that does not exist");
    }
    std::lock_guard<std::mutex> lock(graphviz_mutex());
    GraphvizMessages messages;
    const Context& context = shared_context();
    Graph graph("layout");
    Agraph_t* g = graph.get();
    declare_attribute(g, AGRAPH, "overlap", "prism");
    declare_attribute(g, AGRAPH, "overlap_scaling", "-4");
    declare_attribute(g, AGRAPH, "sep", layout.sep);
    declare_attribute(g, AGRAPH, "splines", "false");
    declare_attribute(g, AGRAPH, "start", std::to_string(layout.seed).c_str());
    if (layout.pack) declare_attribute(g, AGRAPH, "pack", "true");
    if (std::string_view(layout.engine) == "sfdp") declare_attribute(g, AGRAPH, "K", "0.6");
    declare_attribute(g, AGNODE, "label", "");
    declare_attribute(g, AGNODE, "fixedsize", "true");
    Agsym_t* shape = declare_attribute(g, AGNODE, "shape", "box");
    Agsym_t* width = declare_attribute(g, AGNODE, "width", "0.2");
    Agsym_t* height = declare_attribute(g, AGNODE, "height", "0.2");
    Agsym_t* length = declare_attribute(g, AGEDGE, "len", layout.default_length);
    std::vector<Agnode_t*> nodes;
    nodes.reserve(layout.nodes.size());
    char buffer[64];
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        std::snprintf(buffer, sizeof buffer, "n%zu", i);
        Agnode_t* node = agnode(g, buffer, 1);
        if (node == nullptr) throw Error("Graphviz could not add a node to the layout");
        nodes.push_back(node);
        const LayoutNode& spec = layout.nodes[i];
        if (spec.round) set_attribute(node, shape, "circle");
        std::snprintf(buffer, sizeof buffer, "%.4f", spec.width);
        set_attribute(node, width, buffer);
        std::snprintf(buffer, sizeof buffer, "%.4f", spec.round ? spec.width : spec.height);
        set_attribute(node, height, buffer);
    }
    for (const auto& edge : layout.edges) {
        Agedge_t* created = agedge(g, nodes[edge.from], nodes[edge.to], nullptr, 1);
        if (created == nullptr) throw Error("Graphviz could not add a line to the layout");
        if (edge.length > 0) {
            std::snprintf(buffer, sizeof buffer, "%.4f", edge.length);
            set_attribute(created, length, buffer);
        }
    }
    std::srand(1);  // sfdp coarsens with rand(): the same layout whatever ran before
    const Layout laid_out(context, graph, layout.engine, messages);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        points[i] = {std::round(ND_coord(nodes[i]).x * 100.0) / 100.0 / 72.0,
                     std::round(ND_coord(nodes[i]).y * 100.0) / 100.0 / 72.0};
    }
    return points;
}

}  // namespace bridgemap::viz::detail
