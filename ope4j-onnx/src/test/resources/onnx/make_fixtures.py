# Makes the tiny ONNX fixtures of ope4j-onnx's tests (Debian 12: python3-torch 1.13.1).
# Run from this folder: /usr/bin/python3 make_fixtures.py
import torch

def linear(d, k, scale):
    layer = torch.nn.Linear(d, k)
    with torch.no_grad():  # fixed, hand-checkable weights: w[a][j] = scale * (a - j), bias[a] = a / 10
        layer.weight.copy_(torch.tensor([[scale * (a - j) for j in range(d)] for a in range(k)]))
        layer.bias.copy_(torch.tensor([a / 10 for a in range(k)]))
    return layer

def export(model, d, path):
    torch.onnx.export(model, torch.zeros(1, d), path, input_names=["context"], output_names=["output"],
                      dynamic_axes={"context": {0: "rows"}, "output": {0: "rows"}}, opset_version=13)

export(linear(3, 4, 0.5), 3, "linear_scores_d3_k4.onnx")                                    # scores
export(torch.nn.Sequential(linear(3, 4, 0.5), torch.nn.Softmax(dim=1)), 3, "softmax_d3_k4.onnx")  # probabilities
export(torch.nn.Sequential(linear(21, 34, 0.05), torch.nn.Softmax(dim=1)), 21, "obd_men_softmax_d21_k34.onnx")
