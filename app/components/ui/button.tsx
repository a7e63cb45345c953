import { forwardRef, type ButtonHTMLAttributes } from "react";
import { Link, type LinkProps } from "@remix-run/react";

export type Variant = "primary" | "secondary" | "danger" | "ghost";

// The classes live in styles/components.css (.btn, .btn-<variant>): short, because buttons repeat.
export const buttonClass = (variant: Variant = "primary", extra = "") => (extra ? `btn btn-${variant} ${extra}` : `btn btn-${variant}`);

export const Button = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }>(
  function Button({ variant = "primary", className = "", type = "submit", ...props }, ref) {
    return <button ref={ref} type={type} className={buttonClass(variant, className)} {...props} />;
  },
);

export function ButtonLink({ variant = "secondary", className = "", ...props }: LinkProps & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
