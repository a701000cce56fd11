#include "detail/graphviz.hpp"

#include <bridgemap/error.hpp>

#include <cmath>

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

}  // namespace bridgemap::viz::detail
